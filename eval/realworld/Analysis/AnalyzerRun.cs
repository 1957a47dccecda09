using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.RealWorld.Analysis;

/// <summary>Runs the shipped analyzers (AnalyzerCatalog.Analyzers) over one compilation: their diagnostics, and the analyzer
/// failures (AD0001) reported through onAnalyzerException.</summary>
public static class AnalyzerRun
{
    public static async Task<(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Diagnostic> Failures)> RunAsync(Compilation compilation, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentBag<Diagnostic>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (_, _, diagnostic) => failures.Add(diagnostic),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        var ours = diagnostics.Where(d => AnalyzerCatalog.RulesById.ContainsKey(d.Id)).ToList();
        var failed = failures.Concat(diagnostics.Where(d => d.Id == "AD0001")).DistinctBy(d => d.ToString()).ToList();
        return (ours, failed);
    }
}
