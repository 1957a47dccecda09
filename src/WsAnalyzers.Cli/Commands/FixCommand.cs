using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Cli.Analysis;
using WsAnalyzers.Cli.Fixing;
using WsAnalyzers.Cli.Loading;
using WsAnalyzers.Cli.Reporting;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Cli.Commands;

internal sealed record FixOptions(LoadOptions Load, RuleSelection Selection, bool DryRun, DiagnosticSeverity? FailOn);

/// <summary>`wsanalyzers fix`: apply the Fix All providers, then write the changed files atomically or print a unified diff;
/// report per rule what was fixed and what was not, and fail (`--fail-on`) on what is left.</summary>
internal static class FixCommand
{
    public static async Task<int> RunAsync(FixOptions options, CancellationToken cancellationToken)
    {
        var (target, workspace) = await WorkspaceLoader.LoadAsync(options.Load, cancellationToken);
        using (workspace)
        {
            var root = SourceRoot.Find(target.Directory);
            var analyzer = new SolutionAnalyzer(root);
            var original = workspace.CurrentSolution;
            var before = (await analyzer.AnalyzeAsync(original.Projects.Where(target.Includes).ToList(), cancellationToken)).Where(options.Selection.IsReported).ToList();
            var fixedSolution = await new SolutionFixer(analyzer, options.Selection).FixAsync(original, target.Includes, cancellationToken);
            var changes = await ChangedFilesAsync(original, fixedSolution, cancellationToken);

            foreach (var change in changes)
            {
                var display = TextReport.DisplayPath(change.Path);
                if (options.DryRun)
                {
                    var relative = SourceRoot.Relative(root, change.Path);
                    Console.Out.Write(UnifiedDiff.Create("a/" + relative, "b/" + relative, change.OldText, change.NewText));
                }
                else
                {
                    AtomicFile.WriteAllText(change.Path, change.NewText, change.Encoding);
                    Console.Out.WriteLine($"Fixed {display}");
                }
            }

            var after = changes.Count == 0
                ? before
                : (await analyzer.AnalyzeAsync(fixedSolution.Projects.Where(target.Includes).ToList(), cancellationToken)).Where(options.Selection.IsReported).ToList();
            var summary = Summary(before, after, changes.Count, options.DryRun);
            (options.DryRun ? Console.Error : Console.Out).Write(summary);
            return options.FailOn is { } failOn && after.Any(f => f.Severity >= failOn) ? ExitCodes.Findings : ExitCodes.Clean;
        }
    }

    /// <summary>One line per rule (fixed, not fixed, and why when the rule has no fix), then the totals.</summary>
    private static string Summary(List<Finding> before, List<Finding> after, int files, bool dryRun)
    {
        if (before.Count == 0)
        {
            return "Nothing to fix.\n";
        }

        var text = new StringBuilder();
        var fixedVerb = dryRun ? "would be fixed" : "fixed";
        foreach (var id in before.Concat(after).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal))
        {
            var was = before.Count(f => f.RuleId == id);
            var left = after.Count(f => f.RuleId == id);
            var why = FixerCatalog.HasFix(id) ? string.Empty : " (no code fix)";
            text.Append($"{id}: {Math.Max(0, was - left)} of {was} {fixedVerb}, {left} not fixed{why}\n");
        }

        var verb = dryRun ? "would change" : "changed";
        text.Append($"{verb} {files} file(s); {after.Count} finding(s) left.\n");
        return text.ToString();
    }

    private sealed record FileChange(string Path, string OldText, string NewText, Encoding Encoding);

    private static async Task<List<FileChange>> ChangedFilesAsync(Solution original, Solution fixedSolution, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<string, FileChange>(StringComparer.Ordinal);
        foreach (var project in fixedSolution.GetChanges(original).GetProjectChanges())
        {
            foreach (var id in project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
            {
                var oldDocument = original.GetDocument(id)!;
                if (oldDocument.FilePath is not { } path || changes.ContainsKey(path) || !File.Exists(path))
                {
                    continue;
                }

                var oldText = await oldDocument.GetTextAsync(cancellationToken);
                var newText = await fixedSolution.GetDocument(id)!.GetTextAsync(cancellationToken);
                changes[path] = new FileChange(path, oldText.ToString(), newText.ToString(), oldText.Encoding ?? new UTF8Encoding(false));
            }
        }

        return changes.Values.OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
    }
}
