using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Cli.Analysis;
using WsAnalyzers.Cli.Loading;
using WsAnalyzers.Cli.Reporting;
using WsAnalyzers.Cli.Review;

namespace WsAnalyzers.Cli.Commands;

internal sealed record AnalyzeOptions(
    LoadOptions Load,
    string Format,
    string? Output,
    RuleSelection Selection,
    DiagnosticSeverity? FailOn,
    string? Baseline,
    string? WriteBaseline,
    string? DiffReference);

/// <summary>`wsanalyzers analyze`: load, analyze, filter (baseline, diff), report, and turn the result into an exit code.</summary>
internal static class AnalyzeCommand
{
    public static async Task<int> RunAsync(AnalyzeOptions options, CancellationToken cancellationToken)
    {
        // Cheap checks first, so a typo fails before a slow load.
        var known = options.Baseline is null ? null : Review.Baseline.Read(options.Baseline);
        var changed = options.DiffReference is null
            ? null
            : await ChangedLines.SinceAsync(options.DiffReference, AnalysisTarget.Resolve(options.Load.Path).Directory);

        var (target, workspace) = await WorkspaceLoader.LoadAsync(options.Load, cancellationToken);
        using (workspace)
        {
            var root = SourceRoot.Find(target.Directory);
            var projects = workspace.CurrentSolution.Projects.Where(target.Includes).ToList();
            var findings = (await new SolutionAnalyzer(root).AnalyzeAsync(projects, cancellationToken))
                .Where(options.Selection.IsReported)
                .ToList();

            if (options.WriteBaseline is not null)
            {
                Review.Baseline.Write(options.WriteBaseline, findings);
                Progress.Report($"Wrote {findings.Count} finding(s) to the baseline {options.WriteBaseline}");
            }

            var hiddenByBaseline = known is null ? 0 : findings.RemoveAll(f => known.Contains(f.Fingerprint));
            var outsideDiff = changed is null ? 0 : findings.RemoveAll(f => !changed.Contains(f));
            var projectCount = projects.Select(p => p.FilePath ?? p.Name).Distinct().Count();
            var result = new AnalysisResult(findings, root, projectCount, hiddenByBaseline, outsideDiff);

            Write(options, result);
            return options.FailOn is { } failOn && findings.Any(f => f.Severity >= failOn) ? ExitCodes.Findings : ExitCodes.Clean;
        }
    }

    private static void Write(AnalyzeOptions options, AnalysisResult result) => ReportWriter.Write(options.Format, options.Output, result);

    public static IReadOnlyList<string> Formats { get; } = ["text", "json", "sarif"];
}
