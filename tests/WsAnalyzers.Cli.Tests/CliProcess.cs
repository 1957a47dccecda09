using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>Starts processes (the built tool, dotnet, git) with redirected output, as a CI job would.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The tool the solution build produced (the test project's reference to it builds it first).</summary>
    public static string ToolPath { get; } = FindTool();

    public static string Dotnet { get; } =
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    public static Task<CliResult> RunToolAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(Dotnet, workingDirectory, [ToolPath, .. arguments]);

    public static async Task<CliResult> RunAsync(string fileName, string workingDirectory, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Cannot start " + fileName);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(Timeout)) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in {Timeout}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WsAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("WsAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindTool()
    {
        var configuration = typeof(CliProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(RepositoryRoot, "src", "WsAnalyzers.Cli", "bin", configuration, "net10.0", "WsAnalyzers.Cli.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("The tool is not built: " + path);
    }
}
