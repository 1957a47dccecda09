using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Cli.Analysis;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Cli.Reporting;

/// <summary>
/// SARIF 2.1.0: every rule with its help URI, results with URIs relative to the SRCROOT base (originalUriBaseIds) so
/// code-scanning services map them onto the repository, and partialFingerprints that survive line shifts.
/// </summary>
internal static class SarifReport
{
    private const string SourceRootId = "SRCROOT";

    public static void Write(Stream stream, AnalysisResult result)
    {
        var rules = result.Rules;
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JsonOutput.Encoder });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "WsAnalyzers");
        json.WriteString("version", AnalyzerCatalog.Version);
        json.WriteString("semanticVersion", AnalyzerCatalog.Version);
        json.WriteString("informationUri", "https://github.com/wsanalyzers/wsanalyzers");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SourceRootId);
        json.WriteString("uri", new Uri(result.SourceRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri);
        json.WriteStartObject("description");
        json.WriteString("text", "The root of the analyzed sources.");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var finding in result.Findings)
        {
            WriteResult(json, finding, rules.IndexOf(finding.Rule!));
        }

        json.WriteEndArray();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", Identifier(rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", Sentence(rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        json.WriteEndObject();
        var description = rule.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (description.Length > 0)
        {
            json.WriteStartObject("fullDescription");
            json.WriteString("text", Sentence(description));
            json.WriteEndObject();
        }

        json.WriteString("helpUri", rule.HelpLinkUri);
        json.WriteStartObject("help");
        json.WriteString("text", $"See {rule.HelpLinkUri}.");
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteBoolean("enabled", rule.IsEnabledByDefault);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex >= 0)
        {
            json.WriteNumber("ruleIndex", ruleIndex);
        }

        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", Sentence(finding.Message));
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        if (SourceRoot.IsUnderRoot(finding.RelativePath))
        {
            json.WriteString("uri", string.Join('/', finding.RelativePath.Split('/').Select(Uri.EscapeDataString)));
            json.WriteString("uriBaseId", SourceRootId);
        }
        else
        {
            json.WriteString("uri", new Uri(finding.FilePath).AbsoluteUri);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line);
        json.WriteNumber("startColumn", finding.Column);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteNumber("endColumn", finding.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("partialFingerprints");
        json.WriteString(Fingerprints.Key, finding.Fingerprint);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";

    /// <summary>A Pascal-case friendly name from the title ("Send without a connection-state check" → SendWithoutConnectionStateCheck).</summary>
    private static string Identifier(string title) =>
        string.Concat(title.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 1)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
