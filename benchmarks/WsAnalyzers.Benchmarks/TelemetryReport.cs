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
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Benchmarks;

/// <summary>
/// One run of the command, Roslyn's own accounting: the compiler's diagnostics time (binding and checking every tree)
/// next to the execution time Roslyn's analyzer driver logs for our analyzers on the same compilation. Each side is
/// measured <see cref="Rounds"/> times on fresh compilations and the fastest round is kept: scheduling noise only
/// ever adds time.
/// Both sides are single-threaded, so they compare like with like: the driver logs the time of each callback on the
/// thread that ran it, and the compiler's time is taken with concurrent build off (its parallel wall time is printed
/// too). With concurrent build on, the compiler's binding threads, which produce the driver's events while the
/// analyzers run, take the CPU from under the callbacks and their logged times grow with whatever else runs.
/// </summary>
internal static class TelemetryReport
{
    private const int Rounds = 5;

    public static async Task<int> RunAsync(string name, IReadOnlyList<(string Path, string Text)> sources, double budgetPercent)
    {
        Warm(sources);

        var compilerTime = TimeSpan.MaxValue;
        var parallelCompilerTime = TimeSpan.MaxValue;
        var analyzerTimes = AnalyzerCatalog.Analyzers.ToDictionary(a => a, _ => TimeSpan.MaxValue);
        var actionCounts = new Dictionary<DiagnosticAnalyzer, int>();
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        var compilerErrors = 0;
        var emptyTime = TimeSpan.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var parallel = CompilationFactory.Create(name, sources);
            var clock = Stopwatch.StartNew();
            parallel.GetDiagnostics();
            parallelCompilerTime = Min(parallelCompilerTime, clock.Elapsed);

            var compilation = SingleThreaded(CompilationFactory.Create(name, sources));
            clock.Restart();
            var compilerDiagnostics = compilation.GetDiagnostics();
            compilerTime = Min(compilerTime, clock.Elapsed);
            compilerErrors = compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

            var withAnalyzers = compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, Options());
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            foreach (var analyzer in AnalyzerCatalog.Analyzers)
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
        Console.WriteLine(Format("Compiler diagnostics time:   {0,9:F1} ms  single-threaded ({1:F1} ms wall time with concurrent build)",
            compilerTime.TotalMilliseconds, parallelCompilerTime.TotalMilliseconds));
        Console.WriteLine(Format("WsAnalyzers, all rules:      {0,9:F1} ms  = {1:F2} % of the compiler's (budget {2} %: {3})",
            total.TotalMilliseconds, share, budgetPercent, share <= budgetPercent ? "within" : "OVER"));
        Console.WriteLine(Format("Empty IOperation analyzer:   {0,9:F1} ms  (reference)", emptyTime.TotalMilliseconds));
        Console.WriteLine($"Diagnostics reported: {diagnostics.Length}");
        Console.WriteLine("  per rule: " + string.Join(", ", AnalyzerCatalog.Rules.Select(rule => $"{rule.Id} {diagnostics.Count(d => d.Id == rule.Id)}")));
        foreach (var analyzer in AnalyzerCatalog.Analyzers)
        {
            var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().ToList();
            Console.WriteLine(Format("  {0,-44} {1,9:F1} ms  actions beyond the gate: {2,2}  diagnostics: {3}",
                RuleSet.NameOf(analyzer), analyzerTimes[analyzer].TotalMilliseconds, actionCounts[analyzer], diagnostics.Count(d => ids.Contains(d.Id))));
        }

        return share <= budgetPercent ? 0 : 1;
    }

    public static IReadOnlyList<(string Path, string Text)> ReadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") &&
                        !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(p => (p, File.ReadAllText(p)))
            .ToList();

    internal static CompilationWithAnalyzersOptions Options() =>
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

    /// <summary>Run both sides on the whole corpus first, twice, so that neither is measured before the JIT has
    /// optimised its hot methods (tiered compilation starts every method unoptimised).</summary>
    private static void Warm(IReadOnlyList<(string Path, string Text)> sources)
    {
        for (var i = 0; i < 2; i++)
        {
            var sample = SingleThreaded(CompilationFactory.Create("Warm", sources.Concat(Corpus.WebSocketDense(2))));
            sample.GetDiagnostics();
            sample.WithAnalyzers(AnalyzerCatalog.Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        }
    }

    private static Compilation SingleThreaded(Compilation compilation) =>
        compilation.WithOptions(compilation.Options.WithConcurrentBuild(false));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    internal static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
