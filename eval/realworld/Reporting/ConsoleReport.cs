using System;
using System.Globalization;
using System.IO;
using System.Linq;
using WsAnalyzers.RealWorld.Analysis;

namespace WsAnalyzers.RealWorld.Reporting;

/// <summary>The human-readable report: compilations, the labels that went wrong, unlabelled diagnostics, then the table per rule.</summary>
public static class ConsoleReport
{
    public static void Write(EvaluationResult result, TextWriter output, bool everyLabel)
    {
        output.WriteLine();
        output.WriteLine("Compilations");
        foreach (var c in result.Compilations)
        {
            output.WriteLine($"  {c.Repo} · {c.Name}: {c.Files} files, {c.Errors} compiler errors, {c.AnalyzerFailures.Count} AD0001"
                + (c.StandIns.Count > 0 ? $", stand-ins: {string.Join(", ", c.StandIns)}" : string.Empty)
                + (c.Unresolved.Count > 0 ? $", unresolved: {string.Join(", ", c.Unresolved)}" : string.Empty));
            foreach (var error in c.FirstErrors)
            {
                output.WriteLine($"      {error}");
            }

            foreach (var failure in c.AnalyzerFailures)
            {
                output.WriteLine($"      AD0001 {failure}");
            }
        }

        foreach (var problem in result.Problems)
        {
            output.WriteLine($"  not evaluated: {problem}");
        }

        WriteLabels(result, output, "Missed bugs", Outcome.Missed);
        WriteLabels(result, output, "False positives (clean labels flagged)", Outcome.FalselyFlagged);
        if (everyLabel)
        {
            WriteLabels(result, output, "Found bugs", Outcome.Found);
            WriteLabels(result, output, "Clean labels left clean", Outcome.Clean);
        }

        output.WriteLine();
        output.WriteLine($"Unlabelled diagnostics in labelled files ({result.Unlabelled.Count}): new labels to decide, or false positives");
        foreach (var u in result.Unlabelled)
        {
            output.WriteLine($"  {u.Rule} {u.Repo}/{u.Path}:{u.Line}  {u.Code}");
        }

        output.WriteLine();
        output.WriteLine("rule                              bugs  found  missed  recall   clean  flagged  clean-share  n/e");
        foreach (var score in result.Rules)
        {
            WriteScore(output, score);
        }

        output.WriteLine(new string('-', 98));
        WriteScore(output, result.Implemented);
        WriteScore(output, result.NotImplemented);
        output.WriteLine();
        output.WriteLine($"AD0001: {result.AnalyzerFailures}; compilations: {result.Compilations.Count}, with compiler errors: {result.Compilations.Count(c => c.Errors > 0)}; "
            + $"labels: {result.Labels.Count} in {result.Labels.Select(l => l.Label.Repo).Distinct().Count()} repositories; not evaluated: {result.Labels.Count(l => l.Outcome == Outcome.NotEvaluated)}");
    }

    private static void WriteLabels(EvaluationResult result, TextWriter output, string title, Outcome outcome)
    {
        var labels = result.Labels.Where(l => l.Outcome == outcome).OrderBy(l => l.Label.Rule, StringComparer.Ordinal).ThenBy(l => l.Label.Repo, StringComparer.OrdinalIgnoreCase).ToList();
        output.WriteLine();
        output.WriteLine($"{title} ({labels.Count})");
        foreach (var l in labels)
        {
            output.WriteLine($"  {l.Label.Rule} {l.Label.Repo}/{l.Label.Path}:{l.Label.Line} [{l.Label.Confidence}] {l.Label.Why}");
        }
    }

    private static void WriteScore(TextWriter output, RuleScore s) =>
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{s.Rule,-32} {s.Bugs,5} {s.Found,6} {s.Missed,7} {Percent(s.Recall),7} {s.Clean,7} {s.FalselyFlagged,8} {Percent(s.CleanShare),12} {s.NotEvaluated,4}"));

    private static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";
}
