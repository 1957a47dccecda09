using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// A call that reconnects: the call site, the library call it reaches and the waits on the way to it.
/// <see cref="TryFind"/> recognises a connect / start / reconnect of a client library (ClientWebSocket.ConnectAsync,
/// HubConnection.StartAsync, WebsocketClient Start / StartOrFail / Reconnect / ReconnectOrFail, websocket-sharp Connect /
/// ConnectAsync), or a call to a source method of the compilation (of any type) that reaches one, followed a few levels
/// (<see cref="SourceCalls.MaxDepth"/>), cycle-safe, also into the callbacks it starts with <c>Task.Run</c> or queues
/// (<see cref="Deferrals"/>); the waits the followed methods make before they connect are part of the path.
/// </summary>
internal readonly struct ReconnectReach
{
    public ReconnectReach(IInvocationOperation site, WebSocketCall connect, ImmutableArray<Delay> delays)
    {
        Site = site;
        Connect = connect;
        Delays = delays;
    }

    /// <summary>The call in the analyzed function: the library call itself or the same-type method that makes it.</summary>
    public IInvocationOperation Site { get; }

    public WebSocketCall Connect { get; }

    /// <summary>Waits inside the followed methods before they connect.</summary>
    public ImmutableArray<Delay> Delays { get; }

    public bool IsDirect => Site == Connect.Invocation;

    /// <summary>A connect (<paramref name="isConnect"/>, classified as <paramref name="connect"/> by the caller), or a
    /// source call that reaches one.</summary>
    public static bool TryFind(
        WebSocketApis apis, ReconnectCaches caches, IInvocationOperation invocation, bool isConnect, WebSocketCall connect, out ReconnectReach reach)
    {
        if (isConnect)
        {
            reach = new ReconnectReach(invocation, connect, ImmutableArray<Delay>.Empty);
            return connect.Library is not SocketLibrary.SignalRHub;
        }

        reach = default;
        if (!SourceCalls.IsSourceCall(invocation))
        {
            return false;
        }

        var target = invocation.TargetMethod.OriginalDefinition;

        if (!caches.ReachByMethod.TryGetValue(target, out var cached))
        {
            cached = Reach(apis, caches, invocation, target);
            caches.ReachByMethod.TryAdd(target, cached);
        }

        if (cached is not { } known)
        {
            return false;
        }

        reach = new ReconnectReach(invocation, known.Connect, known.Delays);
        return true;
    }

    /// <summary>Whether the source method <paramref name="target"/> reaches a connect, and the waits on the way.
    /// Methods whose syntax cannot lead to one are ruled out before their bodies are bound.</summary>
    private static ReconnectReach? Reach(WebSocketApis apis, ReconnectCaches caches, IInvocationOperation invocation, IMethodSymbol target)
    {
        if (SourceCalls.CalleeDeclaration(invocation) is not { } declaration || !ConnectCandidates.MayReachConnect(caches, declaration, target.Name))
        {
            return null;
        }

        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        return SourceCalls.CalleeBody(invocation, visited) is { } body && Follow(apis, caches, body, 1, visited) is { } found
            ? new ReconnectReach(invocation, found.Call, found.Delays)
            : null;
    }

    private static (WebSocketCall Call, ImmutableArray<Delay> Delays)? Follow(
        WebSocketApis apis, ReconnectCaches caches, IOperation body, int depth, HashSet<IMethodSymbol> visited)
    {
        var delays = ImmutableArray.CreateBuilder<Delay>();
        var invocations = body.DescendantsOutsideFunctions().OfType<IInvocationOperation>().OrderBy(i => i.Syntax.SpanStart).ToList();
        foreach (var invocation in invocations)
        {
            if (depth < SourceCalls.MaxDepth && Deferrals.TryGetDeferredCallback(apis, invocation, out var lambda, out var method))
            {
                // Task.Run(() => Loop()), Task.Run(async () => await ws.ConnectAsync(...)), queue.Enqueue(Reconnect).
                var deferred = lambda is IAnonymousFunctionOperation { Body: var lambdaBody } ? lambdaBody :
                    method is not null && SourceCalls.MethodBody(method, invocation.SemanticModel, visited) is { } methodBody ? methodBody : null;
                if (deferred is not null && Follow(apis, caches, deferred, depth + 1, visited) is { } inDeferred)
                {
                    delays.AddRange(inDeferred.Delays);
                    return (inDeferred.Call, delays.ToImmutable());
                }

                continue;
            }

            if (Delay.IsDelay(apis, invocation, out var amount))
            {
                delays.Add(new Delay(invocation, amount));
            }
            else if (apis.IsConnect(invocation, out var call) && call.Library is not SocketLibrary.SignalRHub)
            {
                // Waits later in a loop around the connect also come before the next attempt.
                for (var parent = invocation.Parent; parent is not null && parent != body; parent = parent.Parent)
                {
                    if (parent is ILoopOperation loop)
                    {
                        delays.AddRange(Delay.FindAll(apis, loop, int.MaxValue, invocation));
                        break;
                    }
                }

                return (call, delays.ToImmutable());
            }
            else if (depth < SourceCalls.MaxDepth && SourceCalls.CalleeDeclaration(invocation) is { } declaration &&
                     SourceCalls.CalleeBody(invocation, visited) is { } callee)
            {
                if (ConnectCandidates.MayReachConnect(caches, declaration, invocation.TargetMethod.Name) &&
                    Follow(apis, caches, callee, depth + 1, visited) is { } inner)
                {
                    delays.AddRange(inner.Delays);
                    return (inner.Call, delays.ToImmutable());
                }

                delays.AddRange(Delay.FindAll(apis, callee, int.MaxValue, null));
            }
        }

        return null;
    }
}
