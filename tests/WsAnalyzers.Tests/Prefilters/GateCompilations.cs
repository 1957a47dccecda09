using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Tests.Verifiers;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Tests.Prefilters;

/// <summary>What the tests of the whole-file searches share: an ordinary file, a compilation of sources named File0.cs,
/// File1.cs and so on, the shipped analyzers' diagnostics of a compilation that compiles, and a type looked up by name.</summary>
internal static class GateCompilations
{
    /// <summary>A file that spells no WebSocket API: the relevance gate skips its type.</summary>
    public const string OrdinaryService = """
        using System.Threading;

        public sealed class ReportService
        {
            public void Pause() => Thread.Sleep(10);
        }
        """;

    public static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Gate",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"File{i}.cs")),
            TestEnvironment.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation)
    {
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    public static INamedTypeSymbol Type(Compilation compilation, string name) =>
        compilation.GetSymbolsWithName(name, SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();
}
