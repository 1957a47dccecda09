using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>
/// WS3003: a System.Net.WebSockets send that can overlap another send on the same socket: its task is dropped or stored
/// while the socket is sent to again (in a loop, or elsewhere in the type), or it runs in a timer, event or Task.Run
/// callback while the type also sends to the socket elsewhere, and no SemaphoreSlim or lock serialises the sends.
/// </summary>
internal static class SendNotAwaitedRule
{
    /// <summary>"true" when the fix may put <c>await</c> in front of the send statement.</summary>
    public const string AwaitProperty = "Await";

    /// <summary>Judges a send call.</summary>
    internal static void Analyze(OperationAnalysisContext context, WebSocketApis apis, ThreadingApis threading, SendingCaches caches, WebSocketCall call)
    {
        var invocation = call.Invocation;
        // Whether a lock or semaphore serialises the send is the costliest question, and is asked last.
        if (Collect(threading, call) is not { } send || !Overlaps(apis, threading, caches, send, context) ||
            SendSerialisation.IsSerialised(threading, invocation))
        {
            return;
        }

        var awaitable = send.Use == SendSerialisation.TaskUse.Discarded && CanAwait(invocation, context.ContainingSymbol);
        var properties = awaitable
            ? ImmutableDictionary<string, string?>.Empty.Add(AwaitProperty, "true")
            : ImmutableDictionary<string, string?>.Empty;
        context.Report(Diagnostic.Create(
            Descriptors.WS3003SendNotAwaited, invocation.Syntax.GetLocation(), properties, invocation.TargetMethod.Name));
    }

    private static Send? Collect(ThreadingApis threading, WebSocketCall call)
    {
        var invocation = call.Invocation;
        if (call.Library != SocketLibrary.SystemNet ||
            !SocketIdentity.IsStableReference(call.Socket) || call.Socket.ReferencedSymbol() is not { } socket)
        {
            return null;
        }

        return new Send(invocation, socket, SendSerialisation.UseOf(invocation), ConcurrentCallbacks.FindEnclosingCallback(threading, invocation), RepeatsInLoop(invocation, socket));
    }

    private static bool Overlaps(WebSocketApis apis, ThreadingApis threading, SendingCaches caches, Send send, OperationAnalysisContext context)
    {
        if (send.Use != SendSerialisation.TaskUse.Awaited)
        {
            if (send.RepeatsInLoop || send.Callback is not null)
            {
                return true;
            }

            foreach (var other in SendSite.OnSocket(apis, threading, caches, send.Socket, context))
            {
                if (other.Span != send.Invocation.Syntax.Span && !other.Serialised)
                {
                    return true;
                }
            }

            return false;
        }

        // Awaited in a timer, event or Task.Run callback: it still overlaps the sends made outside the callback.
        if (send.Callback is null)
        {
            return false;
        }

        foreach (var other in SendSite.OnSocket(apis, threading, caches, send.Socket, context))
        {
            if (other.CallbackSpan != send.Callback.Syntax.Span && !other.Serialised)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A send in a loop to a socket that is not the loop's own variable goes to the same socket every iteration.</summary>
    private static bool RepeatsInLoop(IInvocationOperation invocation, ISymbol socket)
    {
        for (var current = invocation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (current is ILoopOperation loop)
            {
                return socket is not ILocalSymbol local || !local.DeclaringSyntaxReferences.IsEmpty && !LocalDeclarations.IsDeclaredWithin(local, loop);
            }
        }

        return false;
    }

    private static bool CanAwait(IInvocationOperation invocation, ISymbol containingSymbol)
    {
        var function = invocation.EnclosingFunction();
        var isAsync = function switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol.IsAsync,
            ILocalFunctionOperation local => local.Symbol.IsAsync,
            _ => containingSymbol is IMethodSymbol { IsAsync: true },
        };
        return isAsync && function is not null && !AsyncRewrite.IsInLock(invocation, function);
    }

    private sealed class Send
    {
        public Send(IInvocationOperation invocation, ISymbol socket, SendSerialisation.TaskUse use, IOperation? callback, bool repeatsInLoop)
        {
            Invocation = invocation;
            Socket = socket;
            Use = use;
            Callback = callback;
            RepeatsInLoop = repeatsInLoop;
        }

        public IInvocationOperation Invocation { get; }

        public ISymbol Socket { get; }

        public SendSerialisation.TaskUse Use { get; }

        public IOperation? Callback { get; }

        public bool RepeatsInLoop { get; }
    }
}
