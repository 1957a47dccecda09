using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Tests.Verifiers;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Tests.Infrastructure;

/// <summary>Compiles a folder of C# files (with the stand-ins) against the test references and runs every shipped analyzer on it.</summary>
internal static class SourceSetAnalysis
{
    public sealed record Result(ImmutableArray<Diagnostic> CompilerErrors, ImmutableArray<Diagnostic> AnalyzerDiagnostics);

    /// <param name="rewrite">Changes each file of the folder (its path and text) before it is parsed; the stand-ins are kept as they are.</param>
    /// <param name="analyzers">The analyzers to run; the shipped ones when not given.</param>
    /// <param name="disabledRules">Rules turned off in the compilation options, as <c>/nowarn</c> or a ruleset would.</param>
    /// <param name="framework">What the folder compiles against, with its preprocessor symbols; when not given, .NET 8
    /// (<see cref="TestEnvironment.References"/>) without symbols.</param>
    public static async Task<Result> AnalyzeAsync(
        string directory,
        System.Func<(string Path, string Text), (string Path, string Text)>? rewrite = null,
        ImmutableArray<DiagnosticAnalyzer>? analyzers = null,
        IEnumerable<string>? disabledRules = null,
        TestFramework? framework = null)
    {
        rewrite ??= file => file;
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: framework?.PreprocessorSymbols);
        var trees = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                           !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(path => path, System.StringComparer.Ordinal)
            .Select(path => rewrite((path, File.ReadAllText(path))))
            .Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, file.Path))
            .Concat(TestEnvironment.StandIns.Select(s => CSharpSyntaxTree.ParseText(s.Source, parseOptions, s.Name)))
            .ToList();

        var references = (framework ?? TestEnvironment.Net8).References;
        var compilation = CSharpCompilation.Create(
            Path.GetFileName(directory),
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions((disabledRules ?? []).Select(id => KeyValuePair.Create(id, ReportDiagnostic.Suppress))));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers ?? AnalyzerCatalog.Analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return new Result(errors, diagnostics);
    }
}
