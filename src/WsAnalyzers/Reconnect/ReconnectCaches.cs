using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Handlers;

namespace WsAnalyzers.Reconnect;

/// <summary>What the reconnect rules remember for one compilation (created at compilation start by
/// <see cref="ReconnectAnalyzer"/>), so that a question many calls ask is answered once.</summary>
internal sealed class ReconnectCaches
{
    /// <summary>Whether a source method reaches a reconnect (and the waits before it), so that every same-type call does
    /// not walk its callee again (<see cref="ReconnectReach.TryFind"/>).</summary>
    public ConcurrentDictionary<IMethodSymbol, ReconnectReach?> ReachByMethod { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Per file, which of its method names may reach a connect, found at the first question about it (<see cref="ConnectCandidates"/>).</summary>
    public ConcurrentDictionary<SyntaxTree, ConnectCandidateFile> ConnectCandidateFiles { get; } = new();

    /// <summary>Whether the type calls a method again on a retry path (<see cref="RetryCallers"/>).</summary>
    public ConcurrentDictionary<IMethodSymbol, bool> CalledOnRetryPath { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The callback a method is attached as (method groups), searched once per method (<see cref="HandlerSubscriptions"/>).</summary>
    public ConcurrentDictionary<IMethodSymbol, Handler> Subscriptions { get; } = new(SymbolEqualityComparer.Default);
}
