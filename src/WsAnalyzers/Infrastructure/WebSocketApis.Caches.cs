using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Infrastructure;

internal sealed partial class WebSocketApis
{
    /// <summary>Per compilation: whether a source method reaches a reconnect (and the waits before it), so that every
    /// same-type call does not walk its callee again.</summary>
    internal ConcurrentDictionary<IMethodSymbol, ReconnectReach?> ReconnectReachCache { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Per compilation: the callback a method is attached as (method groups), searched once per method.</summary>
    internal ConcurrentDictionary<IMethodSymbol, Handler> SubscriptionCache { get; } = new(SymbolEqualityComparer.Default);
}
