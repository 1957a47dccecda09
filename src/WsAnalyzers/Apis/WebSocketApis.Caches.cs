using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Handlers;
using WsAnalyzers.MessageHandlers;
using WsAnalyzers.Reconnect;
using WsAnalyzers.Sending;

namespace WsAnalyzers.Apis;

internal sealed partial class WebSocketApis
{
    /// <summary>Per compilation: whether a source method reaches a reconnect (and the waits before it), so that every
    /// same-type call does not walk its callee again.</summary>
    internal ConcurrentDictionary<IMethodSymbol, ReconnectReach?> ReconnectReachCache { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Per compilation: per outermost type declaration, the names of the methods that may reach a connect
    /// (<see cref="ConnectCandidates"/>).</summary>
    internal ConcurrentDictionary<SyntaxNode, System.Collections.Generic.HashSet<string>> ConnectReachingNames { get; } = new();

    /// <summary>Per compilation: the callback a method is attached as (method groups), searched once per method.</summary>
    internal ConcurrentDictionary<IMethodSymbol, Handler> SubscriptionCache { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Per compilation: whether a message handler of its type reaches a method through same-type calls
    /// (<see cref="HandlerReach"/>), looked up when a finding in that method waits for the answer.</summary>
    internal ConcurrentDictionary<IMethodSymbol, bool> HandlerCallers { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Per compilation: the System.Net.WebSockets sends of a type on one socket (<see cref="SendSites"/>).</summary>
    internal ConcurrentDictionary<INamedTypeSymbol, ConcurrentDictionary<ISymbol, ImmutableArray<SendSite>>> SendSitesCache { get; } =
        new(SymbolEqualityComparer.Default);
}
