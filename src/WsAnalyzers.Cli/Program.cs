using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WsAnalyzers.Cli.Analysis;
using WsAnalyzers.Cli.Commands;
using WsAnalyzers.Cli.Loading;

namespace WsAnalyzers.Cli;

/// <summary>Entry point: parses the command line, runs the command, and maps every failure to one line and exit code 2.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var parse = CommandLineDefinition.Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            var message = string.Join(' ', parse.Errors[0].Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
            Console.Error.WriteLine($"wsanalyzers: error: {message.TrimEnd('.')} (see 'wsanalyzers --help')");
            return ExitCodes.Error;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellation.Token);
        }
        catch (CliException e)
        {
            Console.Error.WriteLine("wsanalyzers: error: " + e.Message);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("wsanalyzers: error: cancelled");
        }
        catch (Exception e)
        {
            var inner = e;
            while (inner is TypeInitializationException or AggregateException or System.Reflection.TargetInvocationException && inner.InnerException is not null)
            {
                inner = inner.InnerException!;
            }

            Console.Error.WriteLine($"wsanalyzers: error: {inner.GetType().Name}: {SdkRegistration.FirstLine(inner.Message)}");
            if (Environment.GetEnvironmentVariable("WSANALYZERS_DEBUG") == "1")
            {
                Console.Error.WriteLine(e);
            }
        }

        return ExitCodes.Error;
    }
}

/// <summary>The commands and options (System.CommandLine).</summary>
internal static class CommandLineDefinition
{
    public static RootCommand Build()
    {
        var root = new RootCommand("WsAnalyzers: finds WebSocket mistakes in C# code (analyze), fixes them (fix), lists the rules (rules), checks proxy configuration (check-proxy).");
        root.Subcommands.Add(Analyze());
        root.Subcommands.Add(Fix());
        root.Subcommands.Add(Rules());
        root.Subcommands.Add(CheckProxyCommand.Build());
        return root;
    }

    private static Command Analyze()
    {
        var shared = new SharedOptions();
        var format = new Option<string>("--format", "-f") { Description = "Report format: text, json or sarif (SARIF 2.1.0).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. AnalyzeCommand.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file (atomically) instead of stdout." };
        var failOn = FailOn.Create();
        var baseline = new Option<string?>("--baseline") { Description = "Hide the known findings recorded in this baseline file." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Record the current findings in this baseline file." };
        var diff = new Option<string?>("--diff") { Description = "Report only findings on lines changed since this git ref (e.g. origin/main)." };

        var command = new Command("analyze", "Analyze a solution (.sln, .slnx), a project (.csproj) or a folder; a folder without a project is analyzed as loose C# files.");
        shared.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(failOn);
        command.Options.Add(baseline);
        command.Options.Add(writeBaseline);
        command.Options.Add(diff);
        command.SetAction((result, cancellationToken) =>
        {
            return AnalyzeCommand.RunAsync(
                new AnalyzeOptions(
                    shared.Load(result),
                    result.GetValue(format)!,
                    result.GetValue(output),
                    shared.Selection(result),
                    FailOn.Value(result, failOn),
                    result.GetValue(baseline),
                    result.GetValue(writeBaseline),
                    result.GetValue(diff)),
                cancellationToken);
        });
        return command;
    }

    private static Command Fix()
    {
        var shared = new SharedOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the changes as a unified diff instead of writing them." };
        var failOn = FailOn.Create(left: "a finding that could not be fixed has");
        var command = new Command("fix", "Apply the code fixes of the rules (through their Fix All providers) and write the changed files.");
        shared.AddTo(command);
        command.Options.Add(dryRun);
        command.Options.Add(failOn);
        command.SetAction((result, cancellationToken) =>
            FixCommand.RunAsync(
                new FixOptions(shared.Load(result), shared.Selection(result), result.GetValue(dryRun), FailOn.Value(result, failOn)),
                cancellationToken));
        return command;
    }

    private static Command Rules()
    {
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("rules", "List the rules: ID, default severity, code fix, title and help link.");
        command.Options.Add(format);
        command.SetAction(result => RulesCommand.Run(result.GetValue(format)!));
        return command;
    }

    /// <summary>Path, rule selection and loading options, shared by analyze and fix.</summary>
    private sealed class SharedOptions
    {
        private readonly Argument<string?> _path = new("path") { Description = "A .sln, .slnx or .csproj file, or a folder (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        private readonly Option<string> _severity = new("--severity") { Description = "Lowest severity to report: info, warning or error.", DefaultValueFactory = _ => "info" };
        private readonly Option<string[]> _rules = new("--rules") { Description = "Only these rules (IDs, comma-separated; WS3* for a family).", AllowMultipleArgumentsPerToken = true };
        private readonly Option<string[]> _excludeRules = new("--exclude-rules") { Description = "Leave out these rules (IDs, comma-separated; WS3* for a family).", AllowMultipleArgumentsPerToken = true };
        private readonly Option<string?> _msbuildPath = new("--msbuild-path") { Description = "The SDK folder whose MSBuild loads the projects (default: the newest installed .NET SDK)." };
        private readonly Option<bool> _noRestore = new("--no-restore") { Description = "Do not restore unrestored projects; fail with the restore command instead." };

        public SharedOptions() => _severity.AcceptOnlyFromAmong("info", "warning", "error");

        public void AddTo(Command command)
        {
            command.Arguments.Add(_path);
            command.Options.Add(_severity);
            command.Options.Add(_rules);
            command.Options.Add(_excludeRules);
            command.Options.Add(_msbuildPath);
            command.Options.Add(_noRestore);
        }

        public LoadOptions Load(ParseResult result)
        {
            var path = result.GetValue(_path);
            if (path is not null && path.StartsWith('-'))
            {
                throw new CliException($"unknown option '{path}' (see 'wsanalyzers --help')");
            }

            return new(path, result.GetValue(_msbuildPath), Restore: !result.GetValue(_noRestore));
        }

        public RuleSelection Selection(ParseResult result) =>
            new(result.GetValue(_severity), result.GetValue(_rules), result.GetValue(_excludeRules));
    }
}
