using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Cli.Analysis;
using WsAnalyzers.Cli.Fixing;
using WsAnalyzers.Cli.Proxy;
using WsAnalyzers.Cli.Reporting;

namespace WsAnalyzers.Cli.Commands;

internal sealed record CheckProxyOptions(
    IReadOnlyList<string> Paths,
    string Format,
    string? Output,
    RuleSelection Selection,
    DiagnosticSeverity? FailOn,
    TimeSpan? KeepAlive,
    bool Fix,
    bool DryRun,
    string? Baseline,
    string? WriteBaseline);

/// <summary>
/// `wsanalyzers check-proxy PATH...`: checks nginx, HAProxy and YARP configuration for the WebSocket mistakes of the
/// WSP rules, and reports them like `analyze` (formats, --fail-on, exit codes), or fixes them (--fix, --dry-run).
/// </summary>
internal static class CheckProxyCommand
{
    public static Command Build()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "nginx files (their includes are followed), HAProxy .cfg files, appsettings*.json with a ReverseProxy section, C# files, or folders holding them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f") { Description = "Report format: text, json or sarif (SARIF 2.1.0).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. AnalyzeCommand.Formats]);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file (atomically) instead of stdout." };
        var failOn = FailOn.Create();
        var severity = new Option<string>("--severity") { Description = "Lowest severity to report: info, warning or error.", DefaultValueFactory = _ => "info" };
        severity.AcceptOnlyFromAmong("info", "warning", "error");
        var rules = new Option<string[]>("--rules") { Description = "Only these rules (IDs, comma-separated; WSP1* for nginx).", AllowMultipleArgumentsPerToken = true };
        var excludeRules = new Option<string[]>("--exclude-rules") { Description = "Leave out these rules (IDs, comma-separated; WSP1* for nginx).", AllowMultipleArgumentsPerToken = true };
        var keepAlive = new Option<string?>("--keep-alive")
        {
            Description = "The application's keep-alive interval (30s, 2m, 00:00:30). Default: read from C# files among the paths, else ASP.NET Core's 2 minutes.",
        };
        var fix = new Option<bool>("--fix") { Description = "Write the corrected configuration files (atomically)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the fixes as a unified diff instead of writing them." };
        var baseline = new Option<string?>("--baseline") { Description = "Hide the known findings recorded in this baseline file." };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Record the current findings in this baseline file." };

        var command = new Command("check-proxy", "Check nginx, HAProxy and YARP configuration in front of a WebSocket application (upgrade headers, idle timeouts, affinity).");
        command.Arguments.Add(paths);
        foreach (var option in new Option[] { format, output, failOn, severity, rules, excludeRules, keepAlive, fix, dryRun, baseline, writeBaseline })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            var pathValues = result.GetValue(paths)!;
            if (pathValues.FirstOrDefault(p => p.StartsWith('-')) is { } unknown)
            {
                throw new CliException($"unknown option '{unknown}' (see 'wsanalyzers check-proxy --help')");
            }

            return Run(new CheckProxyOptions(
                pathValues,
                result.GetValue(format)!,
                result.GetValue(output),
                new RuleSelection(result.GetValue(severity), result.GetValue(rules), result.GetValue(excludeRules), ProxyRuleCatalog.Rules),
                FailOn.Value(result, failOn),
                result.GetValue(keepAlive) is { } interval ? Durations.ParseOption("--keep-alive", interval) : null,
                result.GetValue(fix),
                result.GetValue(dryRun),
                result.GetValue(baseline),
                result.GetValue(writeBaseline)));
        });
        return command;
    }

    public static int Run(CheckProxyOptions options)
    {
        var known = options.Baseline is null ? null : Review.Baseline.Read(options.Baseline);
        ProxyCheckResult checkResult;
        try
        {
            checkResult = ProxyChecker.Check(options.Paths, options.KeepAlive);
        }
        catch (ProxyConfigException e)
        {
            throw new CliException(e.Message);
        }

        var root = SourceRoot.Find(Directory.Exists(options.Paths[0]) ? options.Paths[0] : Path.GetDirectoryName(Path.GetFullPath(options.Paths[0]))!);
        var pairs = checkResult.Issues.Select(issue => (Issue: issue, Finding: ToFinding(issue, root))).ToList();
        Fingerprints.Assign(pairs.Select(p => p.Finding));
        pairs = pairs.Where(p => options.Selection.IsReported(p.Finding)).ToList();

        if (options.WriteBaseline is not null)
        {
            Review.Baseline.Write(options.WriteBaseline, pairs.Select(p => p.Finding).ToList());
            Progress.Report($"Wrote {pairs.Count} finding(s) to the baseline {options.WriteBaseline}");
        }

        var hiddenByBaseline = known is null ? 0 : pairs.RemoveAll(p => known.Contains(p.Finding.Fingerprint));

        if (options.Fix || options.DryRun)
        {
            return Fix(options, root, pairs.Select(p => p.Issue).ToList());
        }

        var findings = pairs.Select(p => p.Finding).ToList();
        var result = new AnalysisResult(findings, root, checkResult.Files.Count, hiddenByBaseline, 0, "file", ProxyRuleCatalog.Rules);
        ReportWriter.Write(options.Format, options.Output, result);
        return options.FailOn is { } failOn && findings.Any(f => f.Severity >= failOn) ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private static int Fix(CheckProxyOptions options, string root, List<ProxyIssue> issues)
    {
        var (changes, fixedIssues) = ProxyFixer.Apply(issues);
        foreach (var change in changes)
        {
            if (options.DryRun)
            {
                var relative = SourceRoot.Relative(root, change.File.Path);
                Console.Out.Write(UnifiedDiff.Create("a/" + relative, "b/" + relative, change.File.Text, change.NewText));
            }
            else
            {
                AtomicFile.WriteAllText(change.File.Path, change.NewText, change.File.Encoding);
                Console.Out.WriteLine($"Fixed {TextReport.DisplayPath(change.File.Path)}");
            }
        }

        var summary = issues.Count == 0
            ? "Nothing to fix."
            : $"{(options.DryRun ? "would change" : "changed")} {changes.Count} file(s); " +
              string.Join("; ", issues.GroupBy(i => i.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
              {
                  var done = g.Count(fixedIssues.Contains);
                  var note = done < g.Count() ? " (the rest has no automatic fix there: see the message)" : string.Empty;
                  return $"{g.Key}: {done} of {g.Count()} fixed{note}";
              })) + ".";
        (options.DryRun ? Console.Error : Console.Out).WriteLine(summary);
        return ExitCodes.Clean;
    }

    private static Finding ToFinding(ProxyIssue issue, string root)
    {
        var file = issue.File;
        var (line, column) = file.Position(issue.Offset);
        var (endLine, endColumn) = file.Position(issue.Offset + issue.Length);
        return new Finding(
            issue.RuleId,
            issue.Severity,
            issue.Message,
            file.Path,
            SourceRoot.Relative(root, file.Path),
            line,
            column,
            endLine,
            endColumn,
            file.LineText(line).Trim(),
            issue.Proxy);
    }
}
