using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Tests.Infrastructure;
using WsAnalyzers.Tests.Verifiers;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Tests;

/// <summary>
/// A family analyzer runs its rules from shared actions, and the rule tests run each rule with the family's other rules
/// turned off. With all of them on, the family must report exactly what it reports one rule at a time, put together:
/// sharing an action, a cache or a pass must not change a rule's findings, and a rule the options turn off must not
/// take another's work with it.
/// </summary>
public sealed class RuleFamilyTests
{
    public static TheoryData<string> Families() => new(AnalyzerCatalog.Analyzers.Select(a => a.GetType().Name));

    [Theory]
    [MemberData(nameof(Families))]
    public async Task A_family_reports_what_its_rules_report_one_at_a_time(string family)
    {
        var analyzer = AnalyzerCatalog.Analyzers.Single(a => a.GetType().Name == family);
        var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var only = ImmutableArray.Create(analyzer);

        // .NET 9, as the sample's own build (net10.0) sees it: WS6001 needs an API .NET 9 added.
        var antiPatterns = RepositoryPaths.Combine("samples", "AntiPatterns");
        foreach (var folder in new[] { antiPatterns, RepositoryPaths.Combine("tests", "WsAnalyzers.ValidCode") })
        {
            var together = await SourceSetAnalysis.AnalyzeAsync(folder, analyzers: only, framework: TestEnvironment.Net9);
            var oneAtATime = ImmutableArray.CreateBuilder<Diagnostic>();
            foreach (var id in ids)
            {
                var alone = await SourceSetAnalysis.AnalyzeAsync(folder, analyzers: only, disabledRules: ids.Remove(id), framework: TestEnvironment.Net9);
                Assert.All(alone.AnalyzerDiagnostics, d => Assert.Equal(id, d.Id));
                oneAtATime.AddRange(alone.AnalyzerDiagnostics);
            }

            Assert.Equal(Describe(oneAtATime.ToImmutable()), Describe(together.AnalyzerDiagnostics));
            if (folder == antiPatterns)
            {
                Assert.Equal(ids, together.AnalyzerDiagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
            }
        }
    }

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()} {string.Join(";", d.Properties.OrderBy(p => p.Key).Select(p => p.Key + "=" + p.Value))}")
            .Order(StringComparer.Ordinal).ToArray();
}
