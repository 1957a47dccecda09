using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Finds the retry construct that leads to an operation: the innermost while / for / do loop around it in its function
/// (foreach walks a collection, it does not retry, unless the caller asks for it), else a catch block, a close / error /
/// disconnection handler of a client library (lambda, anonymous method or method group), or a recursive call.
/// </summary>
internal static class RetryPaths
{
    public static RetryPath FindRetryPath(this WebSocketApis apis, ReconnectCaches caches, IOperation operation, ISymbol containingSymbol, bool foreachRetries = false)
    {
        var function = operation.EnclosingFunction();
        if (function is null)
        {
            return RetryPath.None;
        }

        var inCatch = false;
        for (var parent = operation.Parent; parent is not null && parent != function; parent = parent.Parent)
        {
            if (parent is ILoopOperation loop && (foreachRetries || loop.LoopKind != LoopKind.ForEach))
            {
                return new RetryPath(RetryPathKind.Loop, loop, int.MaxValue, Handler.None);
            }

            inCatch |= parent is ICatchClauseOperation;
        }

        var start = operation.Syntax.SpanStart;
        var handler = apis.FindEnclosing(operation, containingSymbol);
        if (!handler.IsHandler && function is not IAnonymousFunctionOperation and not ILocalFunctionOperation && containingSymbol is IMethodSymbol method)
        {
            handler = apis.FindSubscription(caches, method, function);
        }

        if (handler.Kind is HandlerKind.Close or HandlerKind.Error &&
            handler.Library is SocketLibrary.WebSocketSharp or SocketLibrary.SignalRClient or SocketLibrary.WebsocketClient)
        {
            return new RetryPath(RetryPathKind.Handler, function, start, handler);
        }

        if (inCatch)
        {
            return new RetryPath(RetryPathKind.Catch, function, start, Handler.None);
        }

        if (operation is IInvocationOperation invocation && SameTypeCalls.IsRecursive(invocation, containingSymbol))
        {
            return new RetryPath(RetryPathKind.Recursive, function, start, Handler.None);
        }

        return RetryPath.None;
    }
}
