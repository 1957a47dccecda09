using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Benchmarks;

/// <summary>
/// Analyzer time on a bound compilation, NetAnalyzers style: the empty analyzer is the baseline, then every rule alone
/// (its family analyzer with the family's other rules turned off: <see cref="RuleSet"/>) and the whole set. The setup asserts the diagnostic count, so a benchmark that silently measures nothing fails.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    public const string Baseline = "Empty analyzer (baseline)";
    public const string AllRules = "All rules";

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [ParamsAllValues]
    public CorpusKind Workload { get; set; }

    [ParamsSource(nameof(AnalyzerNames))]
    public string Analyzer { get; set; } = AllRules;

    public static IEnumerable<string> AnalyzerNames() =>
        new[] { Baseline, AllRules }.Concat(RuleSet.Names);

    public static CSharpCompilation CreateCompilation(CorpusKind corpus) => corpus == CorpusKind.Ordinary
        ? CompilationFactory.Create("Ordinary", Corpus.Ordinary(500))
        : CompilationFactory.Create("Dense", Corpus.WebSocketDense(100));

    [GlobalSetup]
    public void Setup()
    {
        _compilation = CreateCompilation(Workload);
        var errors = _compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The corpus does not compile: " + errors[0]);
        }

        switch (Analyzer)
        {
            case Baseline:
                _analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
                break;
            case AllRules:
                _analyzers = AnalyzerCatalog.Analyzers;
                break;
            default:
                var ruleId = RuleSet.IdOf(Analyzer);
                _analyzers = ImmutableArray.Create(AnalyzerCatalog.AnalyzerOf(ruleId));
                _compilation = RuleSet.Only(_compilation, ruleId);
                break;
        }

        var count = Run();
        var expectAny = Workload == CorpusKind.WebSocketDense && Analyzer != Baseline;
        if (expectAny ? count == 0 : count != 0)
        {
            throw new InvalidOperationException($"{Analyzer} reported {count} diagnostics on the {Workload} corpus: the benchmark would measure the wrong thing.");
        }
    }

    [Benchmark]
    public int Run() =>
        _compilation.WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;
}
