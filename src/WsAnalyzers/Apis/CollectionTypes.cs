using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Apis;

/// <summary>
/// The BCL collection types the resource-bound rules track (and SignalR's HubCallerContext, whose ConnectionId is a
/// connection handle), resolved once per compilation through <see cref="WebSocketApis.Collections"/>.
/// </summary>
internal sealed class CollectionTypes
{
    public CollectionTypes(MetadataTypes types)
    {
        List = types.Find("System.Collections.Generic.List`1");
        HashSet = types.Find("System.Collections.Generic.HashSet`1");
        SortedSet = types.Find("System.Collections.Generic.SortedSet`1");
        Dictionary = types.Find("System.Collections.Generic.Dictionary`2");
        SortedDictionary = types.Find("System.Collections.Generic.SortedDictionary`2");
        Queue = types.Find("System.Collections.Generic.Queue`1");
        Stack = types.Find("System.Collections.Generic.Stack`1");
        LinkedList = types.Find("System.Collections.Generic.LinkedList`1");
        ConcurrentDictionary = types.Find("System.Collections.Concurrent.ConcurrentDictionary`2");
        ConcurrentBag = types.Find("System.Collections.Concurrent.ConcurrentBag`1");
        ConcurrentQueue = types.Find("System.Collections.Concurrent.ConcurrentQueue`1");
        ConcurrentStack = types.Find("System.Collections.Concurrent.ConcurrentStack`1");
        ICollection = types.Find("System.Collections.Generic.ICollection`1");
        IList = types.Find("System.Collections.Generic.IList`1");
        ISet = types.Find("System.Collections.Generic.ISet`1");
        IDictionary = types.Find("System.Collections.Generic.IDictionary`2");
        StringBuilder = types.Find("System.Text.StringBuilder");
        HubCallerContext = types.Find("Microsoft.AspNetCore.SignalR.HubCallerContext");

        Tracked = Build(List, HashSet, SortedSet, Dictionary, SortedDictionary, Queue, Stack, LinkedList, ConcurrentDictionary,
            ConcurrentBag, ConcurrentQueue, ConcurrentStack, ICollection, IList, ISet, IDictionary);
        Histories = Build(List, Queue, LinkedList, ConcurrentQueue, StringBuilder);
        _trackedNames = new HashSet<string>(Tracked.Select(type => type.Name), StringComparer.Ordinal);
        _historyNames = new HashSet<string>(Histories.Select(type => type.Name), StringComparer.Ordinal);
    }

    // The collectors ask about the type of every field and property reference: the name rejects most without hashing a symbol.
    private readonly HashSet<string> _trackedNames;
    private readonly HashSet<string> _historyNames;

    public INamedTypeSymbol? List { get; }
    public INamedTypeSymbol? HashSet { get; }
    public INamedTypeSymbol? SortedSet { get; }
    public INamedTypeSymbol? Dictionary { get; }
    public INamedTypeSymbol? SortedDictionary { get; }
    public INamedTypeSymbol? Queue { get; }
    public INamedTypeSymbol? Stack { get; }
    public INamedTypeSymbol? LinkedList { get; }
    public INamedTypeSymbol? ConcurrentDictionary { get; }
    public INamedTypeSymbol? ConcurrentBag { get; }
    public INamedTypeSymbol? ConcurrentQueue { get; }
    public INamedTypeSymbol? ConcurrentStack { get; }
    public INamedTypeSymbol? ICollection { get; }
    public INamedTypeSymbol? IList { get; }
    public INamedTypeSymbol? ISet { get; }
    public INamedTypeSymbol? IDictionary { get; }
    public INamedTypeSymbol? StringBuilder { get; }
    public INamedTypeSymbol? HubCallerContext { get; }

    /// <summary>Collections that can hold connections (WS2001, WS2003).</summary>
    public ImmutableHashSet<INamedTypeSymbol> Tracked { get; }

    /// <summary>Types a message history is kept in (WS2002): lists, queues, linked lists and StringBuilder.</summary>
    public ImmutableHashSet<INamedTypeSymbol> Histories { get; }

    /// <summary>Every tracked collection is generic: the arity test rejects most types without hashing them.</summary>
    public bool IsTracked(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true } named && _trackedNames.Contains(named.Name) && Tracked.Contains(named.OriginalDefinition);

    public bool IsHistory(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && _historyNames.Contains(named.Name) && Histories.Contains(named.OriginalDefinition);

    public bool IsKeyed(ITypeSymbol? type) =>
        type.IsType(Dictionary) || type.IsType(SortedDictionary) || type.IsType(ConcurrentDictionary) || type.IsType(IDictionary);

    private static ImmutableHashSet<INamedTypeSymbol> Build(params INamedTypeSymbol?[] types)
    {
        var builder = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var type in types)
        {
            if (type is not null)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }
}
