using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Benchmarks;

/// <summary>What the per-rule benchmarks run: each rule as it ships, in the family analyzer that reports it, with the
/// family's other rules turned off in the compilation options (the family's rule switches then skip their work, as they
/// do for a user who turns those rules off). Found through the catalogue, so new rules are measured without a change here.</summary>
internal static class RuleSet
{
    public static IEnumerable<string> Names => AnalyzerCatalog.Rules.Select(rule => NameOf(rule.Id));

    public static string NameOf(string ruleId) => $"{ruleId} {AnalyzerCatalog.AnalyzerOf(ruleId).GetType().Name}";

    public static string NameOf(DiagnosticAnalyzer analyzer) =>
        $"{string.Join(",", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct())} {analyzer.GetType().Name}";

    public static string IdOf(string name) => name.Split(' ')[0];

    /// <summary><paramref name="compilation"/> with the other rules of <paramref name="ruleId"/>'s family turned off.</summary>
    public static CSharpCompilation Only(CSharpCompilation compilation, string ruleId)
    {
        var others = AnalyzerCatalog.AnalyzerOf(ruleId).SupportedDiagnostics.Select(d => d.Id).Where(id => id != ruleId).Distinct();
        var options = compilation.Options.WithSpecificDiagnosticOptions(
            compilation.Options.SpecificDiagnosticOptions.SetItems(others.Select(id => KeyValuePair.Create(id, ReportDiagnostic.Suppress))));
        return compilation.WithOptions(options);
    }
}
