using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Sending;
using WsAnalyzers.Tests.Infrastructure;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Tests;

/// <summary>A rule family (one shipped analyzer for several rules) reports exactly what its single-rule analyzers,
/// which the rule tests run, report between them.</summary>
public sealed class RuleFamilyTests
{
    public static TheoryData<string> Families() => new(
        AnalyzerCatalog.Analyzers.Where(a => a.SupportedDiagnostics.Length > 1).Select(a => a.GetType().Name));

    [Theory]
    [MemberData(nameof(Families))]
    public async Task A_family_reports_what_its_single_rule_analyzers_report(string family)
    {
        var shipped = AnalyzerCatalog.Analyzers.Single(a => a.GetType().Name == family);
        var ids = shipped.SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        var singles = typeof(SendWithoutStateCheckAnalyzer).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.BaseType == shipped.GetType().BaseType && t != shipped.GetType())
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        Assert.Equal(ids.OrderBy(id => id), singles.Select(a => a.SupportedDiagnostics.Single().Id).OrderBy(id => id));

        var antiPatterns = RepositoryPaths.Combine("samples", "AntiPatterns");
        foreach (var folder in new[] { antiPatterns, RepositoryPaths.Combine("tests", "WsAnalyzers.ValidCode") })
        {
            var together = await SourceSetAnalysis.AnalyzeAsync(folder, analyzers: ImmutableArray.Create(shipped));
            var alone = await SourceSetAnalysis.AnalyzeAsync(folder, analyzers: singles);

            Assert.Equal(Describe(alone.AnalyzerDiagnostics), Describe(together.AnalyzerDiagnostics));
            if (folder == antiPatterns)
            {
                Assert.Equal(ids.OrderBy(id => id), together.AnalyzerDiagnostics.Select(d => d.Id).Distinct().OrderBy(id => id));
            }
        }
    }

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()}").OrderBy(s => s, StringComparer.Ordinal).ToArray();
}
