using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Apis;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Core;

/// <summary>
/// Base of every shipped analyzer, one per rule family. Concurrent; skips generated code (reports go through
/// <see cref="GeneratedCode.Report(OperationAnalysisContext, Diagnostic)"/>, which keeps them out of it); registers the
/// family's actions only when the compilation has a WebSocket API (<see cref="WebSocketApis.For"/>), so code without one
/// pays for a single gate per compilation. A family registers one action per operation kind, asks there the question its
/// rules share once, and skips the work of a rule the compilation's options turn off (<see cref="Runs"/>).
/// </summary>
public abstract class WebSocketAnalyzer : DiagnosticAnalyzer
{
    private protected WebSocketAnalyzer(params DiagnosticDescriptor[] rules) =>
        SupportedDiagnostics = ImmutableArray.Create(rules);

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var apis = WebSocketApis.For(start.Compilation, found => FactWordsSearchedWithTheGate(found, start.CancellationToken));
            if (apis is not null)
            {
                var registrations = new RelevantCodeRegistrations(start);
                Register(registrations, apis);
                registrations.Complete();
            }
        });
    }

    // Whichever family starts first resolves the APIs and runs the gate; the words WS6001 and WS6003 ask of every file
    // are searched then, unless both rules are off.
    private static int FactWordsSearchedWithTheGate(WebSocketApis apis, CancellationToken cancellation) =>
        FileWords.AskedByAnAcceptIn(
            apis,
            !RuleSwitches.IsOff(apis.Compilation, Descriptors.WS6001NoKeepAliveTimeout, cancellation) ||
            !RuleSwitches.IsOff(apis.Compilation, Descriptors.WS6003AcceptWithoutOriginCheck, cancellation));

    /// <summary>Registers the family's actions for a compilation that uses a WebSocket API.</summary>
    private protected abstract void Register(CompilationStartAnalysisContext context, WebSocketApis apis);

    /// <summary>The compilation's options do not turn <paramref name="rule"/> off for every file (<see cref="RuleSwitches"/>):
    /// the driver skips an analyzer only when all its rules are off, so a family asks this per rule.</summary>
    private protected static bool Runs(Compilation compilation, DiagnosticDescriptor rule, CancellationToken cancellation) =>
        !RuleSwitches.IsOff(compilation, rule, cancellation);

    /// <summary>Registers an operation action whose failures name the file and line they happened at.</summary>
    private protected static void RegisterOperationAction(
        CompilationStartAnalysisContext context, Action<OperationAnalysisContext> action, params OperationKind[] kinds) =>
        context.RegisterOperationAction(LocatedFailures.Wrap(action), kinds);
}
