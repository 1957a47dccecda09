using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Cli.Analysis;

namespace WsAnalyzers.Cli.Reporting;

/// <summary>MSBuild-style lines (`file(line,col): warning WS1001: message`), then a summary per rule.</summary>
internal static class TextReport
{
    public static void Write(TextWriter writer, AnalysisResult result)
    {
        foreach (var finding in result.Findings)
        {
            writer.WriteLine(
                $"{DisplayPath(finding.FilePath)}({finding.Line},{finding.Column}): {SeverityNames.Name(finding.Severity)} {finding.RuleId}: {finding.Message} [{finding.Project}]");
        }

        if (result.Findings.Count > 0)
        {
            writer.WriteLine();
            foreach (var rule in result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var severity = SeverityNames.Name(rule.Max(f => f.Severity));
                writer.WriteLine($"{rule.Key}  {severity,-7}  {rule.Count(),4}  {rule.First().Rule?.Title}");
            }
        }

        var summary = result.Findings.Count == 0
            ? $"No findings in {result.ProjectCount} {result.Unit}(s)."
            : $"{result.Findings.Count} finding(s) in {result.ProjectCount} {result.Unit}(s): {result.Count(DiagnosticSeverity.Error)} error(s), " +
              $"{result.Count(DiagnosticSeverity.Warning)} warning(s), {result.Count(DiagnosticSeverity.Info)} info.";
        if (result.HiddenByBaseline > 0)
        {
            summary += $" {result.HiddenByBaseline} known finding(s) hidden by the baseline.";
        }

        if (result.OutsideDiff > 0)
        {
            summary += $" {result.OutsideDiff} finding(s) outside the changed lines not shown.";
        }

        writer.WriteLine(summary);
    }

    /// <summary>Relative to the current folder when the file is under it, else absolute: what editors and CI log parsers open.</summary>
    public static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
