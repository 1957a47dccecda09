using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Cli.Analysis;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Cli.Reporting;

/// <summary>A plain JSON report: findings with paths relative to the source root, and a summary.</summary>
internal static class JsonReport
{
    public static void Write(Stream stream, AnalysisResult result)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JsonOutput.Encoder });
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteString("name", "wsanalyzers");
        json.WriteString("version", AnalyzerCatalog.Version);
        json.WriteEndObject();
        json.WriteString("sourceRoot", result.SourceRoot);
        json.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.RuleId);
            json.WriteString("severity", SeverityNames.Name(finding.Severity));
            json.WriteString("message", finding.Message);
            json.WriteString("path", finding.RelativePath);
            json.WriteNumber("line", finding.Line);
            json.WriteNumber("column", finding.Column);
            json.WriteNumber("endLine", finding.EndLine);
            json.WriteNumber("endColumn", finding.EndColumn);
            json.WriteString("project", finding.Project);
            json.WriteString("fingerprint", finding.Fingerprint);
            json.WriteString("helpUri", finding.Rule?.HelpLinkUri);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        json.WriteNumber(result.Unit + "s", result.ProjectCount);
        json.WriteNumber("total", result.Findings.Count);
        json.WriteNumber("errors", result.Count(DiagnosticSeverity.Error));
        json.WriteNumber("warnings", result.Count(DiagnosticSeverity.Warning));
        json.WriteNumber("info", result.Count(DiagnosticSeverity.Info));
        json.WriteNumber("hiddenByBaseline", result.HiddenByBaseline);
        json.WriteNumber("outsideDiff", result.OutsideDiff);
        json.WriteStartObject("byRule");
        foreach (var rule in result.Findings.GroupBy(f => f.RuleId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(rule.Key, rule.Count());
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }
}
