using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// The message-handler rules, WS4001 and WS4002: work that holds a connection's processing path (message and open
/// handlers, receive loops, the code after an accept). Each rule has its candidate operations (loops; blocking
/// invocations and property reads) and reports through <see cref="HandlerReach"/>, which also follows same-type calls
/// from handlers; the two share which methods handlers call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MessageHandlersAnalyzer : WebSocketAnalyzer
{
    public MessageHandlersAnalyzer()
        : base(Descriptors.WS4001CpuBoundLoopInHandler, Descriptors.WS4002BlockingCallInHandler)
    {
    }

    private protected override void Register(CompilationStartAnalysisContext context, WebSocketApis apis)
    {
        var compilation = context.Compilation;
        var cancellation = context.CancellationToken;
        var threading = apis.Threading;
        var caches = new MessageHandlerCaches(compilation);
        if (Runs(compilation, Descriptors.WS4001CpuBoundLoopInHandler, cancellation))
        {
            HandlerReach.Register(
                context,
                apis,
                caches,
                CpuBoundLoopInHandlerRule.MaxCallDepth,
                operation => CpuBoundLoopInHandlerRule.IsCandidate(threading, (ILoopOperation)operation),
                (operation, path) => CpuBoundLoopInHandlerRule.Diagnose(apis, threading, caches.Numbers, (ILoopOperation)operation, path),
                OperationKind.Loop);
        }

        if (Runs(compilation, Descriptors.WS4002BlockingCallInHandler, cancellation) && threading.Task is not null)
        {
            HandlerReach.Register(
                context,
                apis,
                caches,
                BlockingCallInHandlerRule.MaxCallDepth,
                operation => BlockingCallInHandlerRule.IsCandidate(threading, operation),
                (operation, path) => BlockingCallInHandlerRule.Diagnose(threading, operation, path),
                OperationKind.Invocation,
                OperationKind.PropertyReference);
        }
    }
}
