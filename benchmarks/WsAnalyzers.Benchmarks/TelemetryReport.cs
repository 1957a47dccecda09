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
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace WsAnalyzers.Benchmarks;

/// <summary>
/// One run of the command, Roslyn's own accounting: the compiler's diagnostics time (binding and checking every tree)
/// next to the execution time Roslyn's analyzer driver logs for our analyzers on the same compilation. Each side is
/// measured <see cref="Rounds"/> times on fresh compilations and the fastest round is kept: scheduling noise only
/// ever adds time.
/// </summary>
internal static class TelemetryReport
{
    private const int Rounds = 3;

    public static async Task<int> RunAsync(string name, IReadOnlyList<(string Path, string Text)> sources, double budgetPercent)
    {
        Warm(sources);

        var compilerTime = TimeSpan.MaxValue;
        var analyzerTimes = AnalyzerSet.All.ToDictionary(a => a, _ => TimeSpan.MaxValue);
        var actionCounts = new Dictionary<DiagnosticAnalyzer, int>();
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        var compilerErrors = 0;
        var emptyTime = TimeSpan.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var compilation = CompilationFactory.Create(name, sources);
            var clock = Stopwatch.StartNew();
            var compilerDiagnostics = compilation.GetDiagnostics();
            compilerTime = Min(compilerTime, clock.Elapsed);
            compilerErrors = compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

            var withAnalyzers = compilation.WithAnalyzers(AnalyzerSet.All, Options());
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            foreach (var analyzer in AnalyzerSet.All)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                analyzerTimes[analyzer] = Min(analyzerTimes[analyzer], telemetry.ExecutionTime);
                actionCounts[analyzer] = ActionsBeyondTheGate(telemetry);
            }

            emptyTime = Min(emptyTime, await EmptyAnalyzerTimeAsync(compilation));
        }

        var total = analyzerTimes.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);
        var share = 100 * total.TotalMilliseconds / compilerTime.TotalMilliseconds;
        Console.WriteLine($"Corpus: {name}, {sources.Count} files, {sources.Sum(s => s.Text.Count(c => c == '\n'))} lines, {compilerErrors} compiler errors; fastest of {Rounds} rounds");
        Console.WriteLine(Format("Compiler diagnostics time:   {0,9:F1} ms", compilerTime.TotalMilliseconds));
        Console.WriteLine(Format("WsAnalyzers, all rules:      {0,9:F1} ms  = {1:F2} % of the compiler's (budget {2} %: {3})",
            total.TotalMilliseconds, share, budgetPercent, share <= budgetPercent ? "within" : "OVER"));
        Console.WriteLine(Format("Empty IOperation analyzer:   {0,9:F1} ms  (reference)", emptyTime.TotalMilliseconds));
        Console.WriteLine($"Diagnostics reported: {diagnostics.Length}");
        foreach (var analyzer in AnalyzerSet.All)
        {
            var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();
            Console.WriteLine(Format("  {0,-44} {1,9:F1} ms  actions beyond the gate: {2,2}  diagnostics: {3}",
                AnalyzerSet.NameOf(analyzer), analyzerTimes[analyzer].TotalMilliseconds, actionCounts[analyzer], diagnostics.Count(d => ids.Contains(d.Id))));
        }

        return share <= budgetPercent ? 0 : 1;
    }

    public static IReadOnlyList<(string Path, string Text)> ReadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(p => (p, File.ReadAllText(p)))
            .ToList();

    private static CompilationWithAnalyzersOptions Options() =>
        new(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);

    private static int ActionsBeyondTheGate(AnalyzerTelemetryInfo telemetry) =>
        telemetry.OperationActionsCount + telemetry.OperationBlockStartActionsCount + telemetry.OperationBlockActionsCount +
        telemetry.SymbolActionsCount + telemetry.SymbolStartActionsCount + telemetry.SyntaxNodeActionsCount +
        telemetry.SyntaxTreeActionsCount + telemetry.SemanticModelActionsCount + telemetry.CodeBlockStartActionsCount +
        telemetry.CodeBlockActionsCount + telemetry.CompilationEndActionsCount + telemetry.CompilationActionsCount;

    private static async Task<TimeSpan> EmptyAnalyzerTimeAsync(Compilation compilation)
    {
        var empty = new EmptyAnalyzer();
        var withEmpty = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(empty), Options());
        await withEmpty.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return (await withEmpty.GetAnalyzerTelemetryInfoAsync(empty, CancellationToken.None)).ExecutionTime;
    }

    /// <summary>JIT the compiler and the analyzers on a small copy first, so neither side is measured cold.</summary>
    private static void Warm(IReadOnlyList<(string Path, string Text)> sources)
    {
        var sample = CompilationFactory.Create("Warm", sources.Take(Math.Min(20, sources.Count)).Concat(Corpus.WebSocketDense(2)));
        sample.GetDiagnostics();
        sample.WithAnalyzers(AnalyzerSet.All).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
