using System;
using System.Linq;
using System.Text.Json;
using WsAnalyzers.Cli.Analysis;
using WsAnalyzers.Cli.Reporting;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Cli.Commands;

/// <summary>`wsanalyzers rules`: the rule table (ID, default severity, code fix, title, help link), as text or JSON.</summary>
internal static class RulesCommand
{
    public static int Run(string format)
    {
        if (format == "json")
        {
            using var stdout = Console.OpenStandardOutput();
            using (var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JsonOutput.Encoder }))
            {
                json.WriteStartArray();
                foreach (var rule in AnalyzerCatalog.Rules)
                {
                    json.WriteStartObject();
                    json.WriteString("id", rule.Id);
                    json.WriteString("severity", SeverityNames.Name(rule.DefaultSeverity));
                    json.WriteString("title", rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteString("category", rule.Category);
                    json.WriteBoolean("codeFix", FixerCatalog.HasFix(rule.Id));
                    json.WriteString("helpUri", rule.HelpLinkUri);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            stdout.WriteByte((byte)'\n');
            return ExitCodes.Clean;
        }

        var rows = AnalyzerCatalog.Rules.Select(rule => new[]
        {
            rule.Id,
            SeverityNames.Name(rule.DefaultSeverity),
            FixerCatalog.HasFix(rule.Id) ? "yes" : "no",
            rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
            rule.HelpLinkUri,
        }).Prepend(["ID", "Severity", "Fix", "Title", "Help"]).ToList();
        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            Console.Out.WriteLine(string.Join("  ", row.Select((cell, c) => c < widths.Length ? cell.PadRight(widths[c]) : cell)));
        }

        return ExitCodes.Clean;
    }
}
