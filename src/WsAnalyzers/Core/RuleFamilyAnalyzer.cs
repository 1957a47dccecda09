using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Core;

/// <summary>
/// Base of a rule family: one analyzer for rules that look at the same operations, so that each operation kind gets one
/// action that asks the family's common question once. The shipped family analyzer passes all its rules; a single-rule
/// subclass passes one, for the tests and the per-rule benchmarks.
/// </summary>
public abstract class RuleFamilyAnalyzer : WebSocketAnalyzer
{
    private protected RuleFamilyAnalyzer(params DiagnosticDescriptor[] rules) =>
        SupportedDiagnostics = ImmutableArray.Create(rules);

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary><paramref name="rule"/> is one of this analyzer's and the compilation's options do not turn it off
    /// (<see cref="RuleSwitches"/>).</summary>
    private protected bool Runs(Compilation compilation, DiagnosticDescriptor rule, CancellationToken cancellation) =>
        SupportedDiagnostics.Contains(rule) && !RuleSwitches.IsOff(compilation, rule, cancellation);
}
