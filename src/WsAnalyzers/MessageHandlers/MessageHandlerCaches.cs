using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.MessageHandlers;

/// <summary>What the message-handler rules remember for one compilation (created at compilation start by
/// <see cref="MessageHandlersAnalyzer"/> and shared by its two rules).</summary>
internal sealed class MessageHandlerCaches
{
    private readonly Lazy<NumberSources> _numbers;

    public MessageHandlerCaches(Compilation compilation)
    {
        _numbers = new Lazy<NumberSources>(() => new NumberSources(compilation));
    }

    /// <summary>The parse and cap methods a loop bound is read through, resolved when the first candidate loop asks.</summary>
    public NumberSources Numbers => _numbers.Value;

    /// <summary>How many same-type calls away from a handler path a method is (<see cref="HandlerReach"/>), looked up when
    /// a finding in that method waits for the answer.</summary>
    public ConcurrentDictionary<IMethodSymbol, int> HandlerDistances { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>The callers of a method in its file, as <see cref="HandlerReach"/> found them (searched once per method).</summary>
    public ConcurrentDictionary<IMethodSymbol, ImmutableArray<HandlerCaller>> Callers { get; } = new(SymbolEqualityComparer.Default);
}
