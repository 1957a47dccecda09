using System.Linq;
using System.Threading.Tasks;
using WsAnalyzers.Tests.Infrastructure;
using WsAnalyzers.Tests.Verifiers;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Tests;

public sealed class SourceSetTests
{
    [Fact]
    public async Task Valid_code_compiles_and_produces_no_diagnostic()
    {
        var result = await SourceSetAnalysis.AnalyzeAsync(RepositoryPaths.Combine("tests", "WsAnalyzers.ValidCode"));

        Assert.Empty(result.CompilerErrors.Select(d => d.ToString()));
        Assert.Empty(result.AnalyzerDiagnostics.Select(d => d.ToString()));
    }

    /// <summary>The project builds for .NET 10; rules on APIs .NET 9 added (WS6001) find nothing against .NET 8.</summary>
    [Fact]
    public async Task Valid_code_compiled_against_net9_produces_no_diagnostic()
    {
        var result = await SourceSetAnalysis.AnalyzeAsync(RepositoryPaths.Combine("tests", "WsAnalyzers.ValidCode"), framework: TestEnvironment.Net9);

        Assert.Empty(result.CompilerErrors.Select(d => d.ToString()));
        Assert.Empty(result.AnalyzerDiagnostics.Select(d => d.ToString()));
    }

    /// <summary>The sample builds for .NET 10: it is compiled against .NET 9, the first framework with every API a rule needs.</summary>
    [Fact]
    public async Task Anti_patterns_sample_commits_the_mistake_of_every_shipped_rule()
    {
        var result = await SourceSetAnalysis.AnalyzeAsync(RepositoryPaths.Combine("samples", "AntiPatterns"), framework: TestEnvironment.Net9);

        Assert.Empty(result.CompilerErrors.Select(d => d.ToString()));
        Assert.DoesNotContain(result.AnalyzerDiagnostics, d => d.Id == "AD0001");
        var reported = result.AnalyzerDiagnostics.Select(d => d.Id).ToHashSet();
        Assert.All(AnalyzerCatalog.Rules, descriptor => Assert.Contains(descriptor.Id, reported));
    }
}
