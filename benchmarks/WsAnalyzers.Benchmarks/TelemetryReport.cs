using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace WsAnalyzers.Benchmarks;

/// <summary>
/// One run, Roslyn's own accounting: the compiler's diagnostics time (binding and checking every tree) next to the
/// execution time Roslyn's analyzer driver logs for our analyzers on the same compilation.
/// </summary>
internal static class TelemetryReport
{
    public static async Task<int> RunAsync(string name, IReadOnlyList<(string Path, string Text)> sources, double budgetPercent)
    {
        Warm(sources);

        var compilation = CompilationFactory.Create(name, sources);
        var clock = Stopwatch.StartNew();
        var compilerDiagnostics = compilation.GetDiagnostics();
        var compilerTime = clock.Elapsed;

        var withAnalyzers = compilation.WithAnalyzers(AnalyzerSet.All, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var total = TimeSpan.Zero;
        var rows = new List<string>();
        foreach (var analyzer in AnalyzerSet.All)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            total += telemetry.ExecutionTime;
            var actions = telemetry.OperationActionsCount + telemetry.OperationBlockStartActionsCount + telemetry.SymbolActionsCount +
                          telemetry.SymbolStartActionsCount + telemetry.SyntaxNodeActionsCount + telemetry.SyntaxTreeActionsCount +
                          telemetry.SemanticModelActionsCount + telemetry.CodeBlockStartActionsCount + telemetry.CompilationEndActionsCount;
            var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();
            rows.Add(string.Format(CultureInfo.InvariantCulture, "  {0,-34} {1,9:F1} ms  actions beyond the gate: {2,2}  diagnostics: {3}",
                AnalyzerSet.NameOf(analyzer), telemetry.ExecutionTime.TotalMilliseconds, actions, diagnostics.Count(d => ids.Contains(d.Id))));
        }

        var baseline = await BaselineAsync(CompilationFactory.Create(name, sources));
        var share = 100 * total.TotalMilliseconds / compilerTime.TotalMilliseconds;
        Console.WriteLine($"Corpus: {name}, {sources.Count} files, {sources.Sum(s => s.Text.Count(c => c == '\n'))} lines, {compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} compiler errors");
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Compiler diagnostics time: {0,9:F1} ms", compilerTime.TotalMilliseconds));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "WsAnalyzers total time:    {0,9:F1} ms  ({1:F2} % of the compiler's; budget {2} %: {3})",
            total.TotalMilliseconds, share, budgetPercent, share <= budgetPercent ? "within" : "OVER"));
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Reference: an empty IOperation analyzer on the same code: {0:F1} ms", baseline.TotalMilliseconds));
        Console.WriteLine($"Diagnostics reported: {diagnostics.Length}");
        rows.ForEach(Console.WriteLine);
        return share <= budgetPercent ? 0 : 1;
    }

    private static async Task<TimeSpan> BaselineAsync(CSharpCompilation compilation)
    {
        compilation.GetDiagnostics();
        var empty = new EmptyAnalyzer();
        var withEmpty = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(empty), new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        await withEmpty.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return (await withEmpty.GetAnalyzerTelemetryInfoAsync(empty, CancellationToken.None)).ExecutionTime;
    }

    public static IReadOnlyList<(string Path, string Text)> ReadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(p => (p, File.ReadAllText(p)))
            .ToList();

    /// <summary>JIT the compiler and the analyzers on a small copy first, so neither side is measured cold.</summary>
    private static void Warm(IReadOnlyList<(string Path, string Text)> sources)
    {
        var sample = CompilationFactory.Create("Warm", sources.Take(Math.Min(20, sources.Count)).Concat(Corpus.WebSocketDense(2)));
        sample.GetDiagnostics();
        sample.WithAnalyzers(AnalyzerSet.All).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }
}
