using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Sending;

/// <summary>
/// WS3003: a System.Net.WebSockets send that can overlap another send on the same socket: its task is dropped or stored
/// while the socket is sent to again (in a loop, or elsewhere in the type), or it runs in a timer, event, Task.Run,
/// observable or handed-out callback while the socket is also sent to elsewhere (for a socket the callback's method was
/// handed, where its callers send to the socket they hand it), or its method is started again without await while it
/// sends (<see cref="UnawaitedRuns"/>), and no SemaphoreSlim or lock serialises the sends.
/// </summary>
internal static class SendNotAwaitedRule
{
    /// <summary>"true" when putting <c>await</c> in front of the send statement is enough: the fix does that alone.</summary>
    public const string AwaitProperty = "Await";

    /// <summary>"Type" when the sends must be serialised across the runs of their method (a lock of the type, not one per
    /// socket or call); otherwise the fix serialises the sends on the socket where the socket lives.</summary>
    public const string SerialiseProperty = "Serialise";

    public const string SerialiseAcrossRuns = "Type";

    /// <summary>Judges a send call.</summary>
    internal static void Analyze(OperationAnalysisContext context, WebSocketApis apis, ThreadingApis threading, SendingCaches caches, WebSocketCall call)
    {
        var invocation = call.Invocation;
        // Whether a lock or semaphore serialises the send is the costliest question, and is asked last.
        if (Collect(threading, call) is not { } send || Overlap(apis, threading, caches, send, context) is not { } overlap ||
            SendSerialisation.IsSerialised(threading, invocation))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (overlap == Reason.Dropped && CanAwait(invocation, context.ContainingSymbol))
        {
            properties = properties.Add(AwaitProperty, "true");
        }
        else if (overlap == Reason.Rerun)
        {
            properties = properties.Add(SerialiseProperty, SerialiseAcrossRuns);
        }

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

        return new Send(invocation, call.Socket, socket, SendSerialisation.UseOf(invocation), ConcurrentCallbacks.FindEnclosingCallback(threading, invocation), RepeatsInLoop(invocation, socket));
    }

    /// <summary>Why the send can overlap another, or null when it cannot.</summary>
    private static Reason? Overlap(WebSocketApis apis, ThreadingApis threading, SendingCaches caches, Send send, OperationAnalysisContext context)
    {
        // Sends made outside the callback the send runs in (or, outside one, every other send): awaiting it does not help.
        var concurrent = send.Callback is not null && OverlapsOutsideCallback(apis, threading, caches, send, context);
        if (send.Use != SendSerialisation.TaskUse.Awaited)
        {
            if (concurrent)
            {
                return Reason.Concurrent;
            }

            if (send.RepeatsInLoop || send.Callback is not null)
            {
                return Reason.Dropped;
            }

            foreach (var other in SendSite.OnSocket(apis, threading, caches, send.Socket, context))
            {
                if (other.Span != send.Invocation.Syntax.Span && !other.Serialised)
                {
                    return Reason.Dropped;
                }
            }

            return null;
        }

        if (concurrent)
        {
            return Reason.Concurrent;
        }

        // Runs that each send on the socket they accepted or created themselves never share it. Whether the method is
        // started again without await is kept per method and is mostly "no": asked before the walk of the body.
        return send.Callback is null && UnawaitedRuns.Overlap(threading, caches, send.Invocation, context) &&
               !UnawaitedRuns.OpenedByTheRun(apis, send.Invocation, send.SocketOperation, send.Socket) ? Reason.Rerun : null;
    }

    /// <summary>Another send on the socket outside the send's callback, not serialised; for a socket the method around the
    /// callback was handed (<c>Action&lt;string&gt; Forward(WebSocket ws) =&gt; m =&gt; ws.SendAsync(...)</c>), the sends of its
    /// callers on the socket they hand it.</summary>
    private static bool OverlapsOutsideCallback(WebSocketApis apis, ThreadingApis threading, SendingCaches caches, Send send, OperationAnalysisContext context)
    {
        var callback = send.Callback!.Syntax.Span;
        foreach (var other in SendSite.OnSocket(apis, threading, caches, send.Socket, context))
        {
            if (other.CallbackSpan != callback && !other.Serialised)
            {
                return true;
            }
        }

        if (send.Socket is not IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } handedTo } parameter ||
            context.Operation.SemanticModel is not { } model)
        {
            return false;
        }

        foreach (var argument in CallerArguments(handedTo, parameter, model, context.CancellationToken))
        {
            foreach (var other in SendSite.OnSocket(apis, threading, caches, argument, context))
            {
                if (!other.Serialised)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The sockets the calls of <paramref name="method"/> in its type's declarations in this file pass as <paramref name="parameter"/>.</summary>
    private static System.Collections.Generic.IEnumerable<ISymbol> CallerArguments(
        IMethodSymbol method, IParameterSymbol parameter, SemanticModel model, System.Threading.CancellationToken cancellation)
    {
        if (method.ContainingType is not { } type)
        {
            yield break;
        }

        foreach (var call in TypeInvocations.InFile(type, model, new[] { method.Name }, name => name == method.Name, cancellation))
        {
            if (!SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method.OriginalDefinition))
            {
                continue;
            }

            foreach (var argument in call.Arguments)
            {
                if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.OriginalDefinition, parameter.OriginalDefinition) &&
                    SocketIdentity.IsStableReference(argument.Value) && argument.Value.ReferencedSymbol() is { } socket)
                {
                    yield return socket;
                }
            }
        }
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

    private enum Reason
    {
        /// <summary>The task is dropped (or stored) while the socket is sent to again in plain flow: awaiting it is enough.</summary>
        Dropped,

        /// <summary>A callback sends while the socket is sent to elsewhere: the sends must be serialised.</summary>
        Concurrent,

        /// <summary>The method is started again without await while it sends: its runs must be serialised.</summary>
        Rerun,
    }

    private sealed class Send
    {
        public Send(IInvocationOperation invocation, IOperation? socketOperation, ISymbol socket, SendSerialisation.TaskUse use, IOperation? callback, bool repeatsInLoop)
        {
            Invocation = invocation;
            SocketOperation = socketOperation;
            Socket = socket;
            Use = use;
            Callback = callback;
            RepeatsInLoop = repeatsInLoop;
        }

        public IInvocationOperation Invocation { get; }

        /// <summary>The socket as the send names it.</summary>
        public IOperation? SocketOperation { get; }

        public ISymbol Socket { get; }

        public SendSerialisation.TaskUse Use { get; }

        public IOperation? Callback { get; }

        public bool RepeatsInLoop { get; }
    }
}
