using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Apis;

namespace WsAnalyzers.Core;

/// <summary>
/// Base of every rule: concurrent, skips generated code (reports go through <see cref="GeneratedCode.Report(OperationAnalysisContext, Diagnostic)"/>,
/// which keeps them out of it), and registers the rule's actions only when the compilation
/// has a WebSocket API (<see cref="WebSocketApis.For"/>), so code without one pays for a single gate per compilation.
/// </summary>
public abstract class WebSocketAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var apis = WebSocketApis.For(start.Compilation);
            if (apis is not null)
            {
                Register(start, apis);
            }
        });
    }

    private protected abstract void Register(CompilationStartAnalysisContext context, WebSocketApis apis);

    /// <summary>Registers an operation action whose failures name the file and line they happened at.</summary>
    private protected static void RegisterOperationAction(
        CompilationStartAnalysisContext context, Action<OperationAnalysisContext> action, params OperationKind[] kinds) =>
        context.RegisterOperationAction(LocatedFailures.Wrap(action), kinds);
}
