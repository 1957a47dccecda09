using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// The retry construct a reconnect call is on, and the region in which a delay counts as "on the path".
/// <see cref="Find"/> looks for the innermost while / for / do loop around the call in its function (foreach walks a
/// collection, it does not retry, unless the caller asks for it), else a catch block, a close / error / disconnection
/// handler of a client library (lambda, anonymous method or method group), or a recursive call.
/// </summary>
internal readonly struct RetryPath
{
    public RetryPath(RetryPathKind kind, IOperation region, int before, Handler handler)
    {
        Kind = kind;
        Region = region;
        Before = before;
        Handler = handler;
    }

    public static RetryPath None => default;

    public RetryPathKind Kind { get; }

    /// <summary>The loop (every iteration passes through all of it) or the function whose start leads to the reconnect.</summary>
    public IOperation Region { get; }

    /// <summary>Only operations that start before this position are on the path (int.MaxValue for a loop: the whole body).</summary>
    public int Before { get; }

    /// <summary>The close / error handler, when the path is a handler.</summary>
    public Handler Handler { get; }

    public bool IsRetry => Kind != RetryPathKind.None;

    /// <summary>The callbacks that run later followed by <see cref="FindThroughDeferrals"/>, at most.</summary>
    private const int MaxDeferrals = 3;

    /// <summary>
    /// As <see cref="Find"/>, continued through callbacks that run later: when <paramref name="operation"/> is written in a
    /// timer callback, a continuation, a <c>Task.Run</c> lambda or a queued closure and no retry path is found in it, the
    /// path is the one of the call that schedules it. <paramref name="callbacks"/> lists the callbacks crossed, innermost
    /// first; <paramref name="end"/> is the operation the returned path leads to (the last scheduling call, or
    /// <paramref name="operation"/>).
    /// </summary>
    public static RetryPath FindThroughDeferrals(
        WebSocketApis apis, ReconnectCaches caches, IOperation operation, ISymbol containingSymbol,
        out ImmutableArray<DeferredCallback> callbacks, out IOperation end, bool foreachRetries = false)
    {
        end = operation;
        callbacks = ImmutableArray<DeferredCallback>.Empty;
        var path = Find(apis, caches, operation, containingSymbol, foreachRetries);
        for (var depth = 0; !path.IsRetry && depth < MaxDeferrals; depth++)
        {
            if (!Deferrals.TryGetDeferral(apis, end, out var scheduling, out var function, out var wait))
            {
                break;
            }

            callbacks = callbacks.Add(new DeferredCallback(function, end, wait));
            end = scheduling;
            path = Find(apis, caches, scheduling, containingSymbol, foreachRetries);
        }

        return path;
    }

    public static RetryPath Find(WebSocketApis apis, ReconnectCaches caches, IOperation operation, ISymbol containingSymbol, bool foreachRetries = false)
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
        var handler = HandlerRecognition.FindEnclosing(apis, operation, containingSymbol);
        if (!handler.IsHandler && function is not IAnonymousFunctionOperation and not ILocalFunctionOperation && containingSymbol is IMethodSymbol method)
        {
            handler = HandlerSubscriptions.FindSubscription(apis, caches, method, function);
        }

        if (handler.Kind is HandlerKind.Close or HandlerKind.Error &&
            handler.Library is SocketLibrary.WebSocketSharp or SocketLibrary.SignalRClient or SocketLibrary.WebsocketClient or SocketLibrary.AspNetSignalRClient)
        {
            return new RetryPath(RetryPathKind.Handler, function, start, handler);
        }

        if (inCatch)
        {
            return new RetryPath(RetryPathKind.Catch, function, start, Handler.None);
        }

        if (operation is IInvocationOperation invocation && SourceCalls.IsRecursive(invocation, containingSymbol))
        {
            return new RetryPath(RetryPathKind.Recursive, function, start, Handler.None);
        }

        return RetryPath.None;
    }
}
