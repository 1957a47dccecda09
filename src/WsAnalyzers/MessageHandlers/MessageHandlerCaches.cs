using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.MessageHandlers;

/// <summary>What the message-handler rules remember for one compilation (created at compilation start by
/// <see cref="MessageHandlersAnalyzer"/> and shared by its two rules).</summary>
internal sealed class MessageHandlerCaches
{
    /// <summary>Whether a message handler of its type reaches a method through same-type calls (<see cref="HandlerReach"/>),
    /// looked up when a finding in that method waits for the answer.</summary>
    public ConcurrentDictionary<IMethodSymbol, bool> HandlerCallers { get; } = new(SymbolEqualityComparer.Default);
}
