using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Infrastructure;

internal sealed partial class WebSocketApis
{
    /// <summary>Per compilation: whether a source method reaches a reconnect (and the waits before it), so that every
    /// same-type call does not walk its callee again.</summary>
    internal ConcurrentDictionary<IMethodSymbol, ReconnectReach?> ReconnectReachCache { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Per compilation: the callback a method is attached as (method groups), searched once per method.</summary>
    internal ConcurrentDictionary<IMethodSymbol, Handler> SubscriptionCache { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Per compilation: the reconnect analysis of a call, shared by WS1001 and WS1002 (both ask the same question
    /// about the same invocation; the second one reads the first one's answer).</summary>
    internal ConditionalWeakTable<IOperation, StrongBox<ReconnectFinding?>> ReconnectFindings { get; } = new();
}
