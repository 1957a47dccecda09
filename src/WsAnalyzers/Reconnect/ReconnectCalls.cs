using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Recognises a reconnect call: a connect / start / reconnect of a client library (ClientWebSocket.ConnectAsync,
/// HubConnection.StartAsync, WebsocketClient Start / StartOrFail / Reconnect / ReconnectOrFail, websocket-sharp Connect /
/// ConnectAsync), or a call to a method of the same type that reaches one (followed a few levels, cycle-safe). The
/// waits the followed methods make before they connect are part of the path and are returned with it.
/// </summary>
internal static class ReconnectCalls
{
    /// <summary>A connect (<paramref name="isConnect"/>, classified as <paramref name="connect"/> by the caller), or a
    /// same-type call that reaches one; <paramref name="caller"/> is the member the call is written in.</summary>
    public static bool IsReconnectCall(
        this WebSocketApis apis, ReconnectCaches caches, IInvocationOperation invocation, bool isConnect, WebSocketCall connect, ISymbol caller, out ReconnectReach reach)
    {
        if (isConnect)
        {
            reach = new ReconnectReach(invocation, connect, ImmutableArray<Delay>.Empty);
            return connect.Library is not SocketLibrary.SignalRHub;
        }

        reach = default;
        if (invocation.TargetMethod.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || !SameTypeCalls.IsSameTypeCall(invocation, caller))
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

    /// <summary>Whether the same-type method <paramref name="target"/> reaches a connect, and the waits on the way.
    /// Methods whose syntax cannot lead to one are ruled out before their bodies are bound.</summary>
    private static ReconnectReach? Reach(WebSocketApis apis, ReconnectCaches caches, IInvocationOperation invocation, IMethodSymbol target)
    {
        if (SameTypeCalls.CalleeDeclaration(invocation) is not { } declaration || !ConnectCandidates.MayReachConnect(caches, declaration, target.Name))
        {
            return null;
        }

        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        return SameTypeCalls.CalleeBody(invocation, visited) is { } body && Follow(apis, body, 1, visited) is { } found
            ? new ReconnectReach(invocation, found.Call, found.Delays)
            : null;
    }

    /// <summary>Every wait in <paramref name="root"/> (and in same-type methods it calls) that starts before
    /// <paramref name="before"/>, skipping <paramref name="skip"/> and nested lambdas. <paramref name="caller"/>, when
    /// known, is the member <paramref name="root"/> is written in.</summary>
    public static ImmutableArray<Delay> DelaysIn(this WebSocketApis apis, IOperation root, int before, IOperation? skip, ISymbol? caller = null)
    {
        var builder = ImmutableArray.CreateBuilder<Delay>();
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        Collect(apis, root, before, skip, caller, 0, visited, builder);
        return builder.ToImmutable();
    }

    private static void Collect(
        WebSocketApis apis, IOperation root, int before, IOperation? skip, ISymbol? caller, int depth, HashSet<IMethodSymbol> visited,
        ImmutableArray<Delay>.Builder delays)
    {
        foreach (var descendant in root.DescendantsOutsideFunctions())
        {
            if (descendant.Kind != OperationKind.Invocation || descendant is not IInvocationOperation invocation || invocation == skip ||
                invocation.Syntax.SpanStart >= before)
            {
                continue;
            }

            var isDelay = apis.IsDelay(invocation, out var amount);
            if (!isDelay && (depth >= SameTypeCalls.MaxDepth || !SameTypeCalls.IsSameTypeCall(invocation, depth == 0 ? caller : null)))
            {
                continue;
            }

            if (depth == 0 && skip is not null && InInnerLoopWithout(invocation, root, skip))
            {
                // A heartbeat or polling wait in a loop nested in the region runs while connected, not before a retry.
                continue;
            }

            if (isDelay)
            {
                delays.Add(new Delay(invocation, amount));
            }
            else if (SameTypeCalls.CalleeBody(invocation, visited) is { } body)
            {
                Collect(apis, body, int.MaxValue, null, null, depth + 1, visited, delays);
            }
        }
    }

    private static bool InInnerLoopWithout(IOperation operation, IOperation root, IOperation reconnect)
    {
        for (var parent = operation.Parent; parent is not null && parent != root; parent = parent.Parent)
        {
            if (parent is ILoopOperation loop && !reconnect.IsWithin(loop))
            {
                return true;
            }
        }

        return false;
    }

    private static (WebSocketCall Call, ImmutableArray<Delay> Delays)? Follow(
        WebSocketApis apis, IOperation body, int depth, HashSet<IMethodSymbol> visited)
    {
        var delays = ImmutableArray.CreateBuilder<Delay>();
        var invocations = body.DescendantsOutsideFunctions().OfType<IInvocationOperation>().OrderBy(i => i.Syntax.SpanStart).ToList();
        foreach (var invocation in invocations)
        {
            if (apis.IsDelay(invocation, out var amount))
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
                        delays.AddRange(apis.DelaysIn(loop, int.MaxValue, invocation));
                        break;
                    }
                }

                return (call, delays.ToImmutable());
            }
            else if (depth < SameTypeCalls.MaxDepth && SameTypeCalls.CalleeBody(invocation, visited) is { } callee)
            {
                if (Follow(apis, callee, depth + 1, visited) is { } inner)
                {
                    delays.AddRange(inner.Delays);
                    return (inner.Call, delays.ToImmutable());
                }

                delays.AddRange(apis.DelaysIn(callee, int.MaxValue, null));
            }
        }

        return null;
    }
}
