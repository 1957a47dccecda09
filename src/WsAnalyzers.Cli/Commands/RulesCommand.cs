using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Cli.Analysis;
using WsAnalyzers.Cli.Proxy;
using WsAnalyzers.Cli.Reporting;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Cli.Commands;

/// <summary>`wsanalyzers rules`: the rule table (ID, default severity, code fix, title, help link), as text or JSON; the check-proxy rules in a section of their own.</summary>
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
                foreach (var (rule, command, hasFix) in AnalyzerCatalog.Rules.Select(r => (r, "analyze", FixerCatalog.HasFix(r.Id)))
                             .Concat(ProxyRuleCatalog.Rules.Select(r => (r, "check-proxy", ProxyRuleCatalog.HasFix(r.Id)))))
                {
                    json.WriteStartObject();
                    json.WriteString("id", rule.Id);
                    json.WriteString("severity", SeverityNames.Name(rule.DefaultSeverity));
                    json.WriteString("title", rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    json.WriteString("category", rule.Category);
                    json.WriteBoolean("codeFix", hasFix);
                    json.WriteString("helpUri", rule.HelpLinkUri);
                    json.WriteString("command", command);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            stdout.WriteByte((byte)'\n');
            return ExitCodes.Clean;
        }

        WriteTable(AnalyzerCatalog.Rules, FixerCatalog.HasFix);
        Console.Out.WriteLine();
        Console.Out.WriteLine("Proxy configuration rules (wsanalyzers check-proxy):");
        WriteTable(ProxyRuleCatalog.Rules, ProxyRuleCatalog.HasFix);
        return ExitCodes.Clean;
    }

    private static void WriteTable(IEnumerable<DiagnosticDescriptor> rules, Func<string, bool> hasFix)
    {
        var rows = rules.Select(rule => new[]
        {
            rule.Id,
            SeverityNames.Name(rule.DefaultSeverity),
            hasFix(rule.Id) ? "yes" : "no",
            rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
            rule.HelpLinkUri,
        }).Prepend(["ID", "Severity", "Fix", "Title", "Help"]).ToList();
        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            Console.Out.WriteLine(string.Join("  ", row.Select((cell, c) => c < widths.Length ? cell.PadRight(widths[c]) : cell)));
        }
    }
}
