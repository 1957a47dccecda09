using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Infrastructure;

namespace WsAnalyzers.Rules;

/// <summary>WS3002: a loop (or ForEach call) over connections whose per-connection send has no exception handling inside the loop.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BroadcastStopsAtFirstFailureAnalyzer : WebSocketAnalyzer
{
    /// <summary>The metadata name of the exception the fix catches.</summary>
    public const string ExceptionTypeProperty = "ExceptionType";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.WS3002BroadcastStopsAtFirstFailure);

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        if (apis.WebSocket is null && apis.SharpWebSocket is null)
        {
            return;
        }

        var threading = ThreadingApis.For(context.Compilation);
        RegisterOperationAction(context, c => AnalyzeLoop(c, apis), OperationKind.Loop);
        RegisterOperationAction(context, c => AnalyzeForEachCall(c, apis, threading), OperationKind.Invocation);
    }

    private static void AnalyzeLoop(OperationAnalysisContext context, WebSocketApis apis)
    {
        var loop = (ILoopOperation)context.Operation;
        Report(context, apis, apis.UnhandledSends(loop), loop.KeywordLocation());
    }

    private static void AnalyzeForEachCall(OperationAnalysisContext context, WebSocketApis apis, ThreadingApis threading)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (threading.ForEachBody(invocation) is { } lambda)
        {
            Report(context, apis, apis.UnhandledSends(lambda), invocation.Syntax.GetLocation());
        }
    }

    private static void Report(OperationAnalysisContext context, WebSocketApis apis, List<WebSocketCall> sends, Location location)
    {
        if (sends.Count == 0)
        {
            return;
        }

        // One catch type for the fix: sends of different libraries in the same loop get no fix.
        var thrown = sends.Select(s => Broadcasts.ThrownBy(apis, s)).Distinct<INamedTypeSymbol?>(SymbolEqualityComparer.Default).ToList();
        var exception = thrown.Count == 1 ? thrown[0]?.ToDisplayString() : null;
        var properties = exception is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(ExceptionTypeProperty, exception);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.WS3002BroadcastStopsAtFirstFailure,
            location,
            sends.Select(s => s.Invocation.Syntax.GetLocation()),
            properties));
    }
}
