using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// The operation half of a compilation-end pass over long-lived collections: every reference to a tracked field,
/// property or top-level local of the compilation is classified and kept, so that a removal in any other type of
/// the compilation is seen before a rule decides.
/// </summary>
internal sealed class CollectionUseCollector
{
    /// <summary>The references a collector records: fields and auto-properties, and the locals of top-level statements
    /// when the compilation has any (local references are the most frequent operation there is).</summary>
    public static OperationKind[] ReferenceKinds(WebSocketApis apis) =>
        apis.HasTopLevelStatements
            ? new[] { OperationKind.FieldReference, OperationKind.PropertyReference, OperationKind.LocalReference }
            : new[] { OperationKind.FieldReference, OperationKind.PropertyReference };

    private readonly WebSocketApis _apis;
    private readonly Func<ITypeSymbol, bool> _tracks;
    private readonly ConcurrentBag<CollectionUse> _uses = new();
    private readonly SourceBodies? _bodies;

    // Whether a referenced field, property or local is a tracked long-lived collection depends on the symbol alone, and
    // the same few symbols are referenced again and again: decided once per symbol instance (Untracked when it is not),
    // and each tracked one mapped to its collection (one per original definition, as ByMember groups the uses).
    private readonly ConcurrentDictionary<ISymbol, Collection> _decisions = new(SameInstance<ISymbol>.Comparer);
    private readonly ConcurrentDictionary<ISymbol, Collection> _collections = new(SymbolEqualityComparer.Default);
    private readonly Func<ISymbol, Collection> _decide;
    private static readonly Collection Untracked = new();

    public CollectionUseCollector(WebSocketApis apis, Func<ITypeSymbol, bool> tracks, SourceBodies? bodies)
    {
        _apis = apis;
        _tracks = tracks;
        _bodies = bodies;
        _decide = Decide;
    }

    public void Record(OperationAnalysisContext context)
    {
        // The cheapest facts first: a constant or an indexer is never long-lived; every other symbol is decided once.
        var reference = context.Operation;
        ISymbol member;
        switch (reference)
        {
            case IFieldReferenceOperation { Field: var field }:
                if (field.IsConst)
                {
                    return;
                }

                member = field;
                break;
            case IPropertyReferenceOperation { Property: var property }:
                if (property.IsIndexer)
                {
                    return;
                }

                member = property;
                break;
            case ILocalReferenceOperation { Local: var local }:
                member = local;
                break;
            default:
                return;
        }

        if (!_decisions.TryGetValue(member, out var collection))
        {
            collection = _decisions.GetOrAdd(member, _decide);
        }

        if (ReferenceEquals(collection, Untracked))
        {
            return;
        }

        var kind = CollectionUses.Classify(reference, context.ContainingSymbol, out var operation);
        if (kind == CollectionUseKind.Add && IsInitialization(context.ContainingSymbol, member) && !InCallback(reference))
        {
            kind = CollectionUseKind.Initialization;
        }

        _uses.Add(new CollectionUse(_apis, member.OriginalDefinition, kind, operation, context.ContainingSymbol) { Collection = collection });
        _bodies?.Remember(reference);
    }

    /// <summary>The recorded uses, grouped by the collection they touch (call at compilation end); collections declared
    /// in generated code are left out, as the rules report on the declaration. The groups and their uses come in the
    /// order GroupBy over the uses with SymbolEqualityComparer gave them, without hashing a symbol per use.</summary>
    public IEnumerable<IGrouping<ISymbol, CollectionUse>> ByMember()
    {
        var groups = new List<Grouping>();
        var byCollection = new Dictionary<Collection, Grouping>(SameInstance<Collection>.Comparer);
        foreach (var use in _uses)
        {
            if (!byCollection.TryGetValue(use.Collection!, out var group))
            {
                byCollection[use.Collection!] = group = new Grouping(use.Member);
                groups.Add(group);
            }

            group.Uses.Add(use);
        }

        foreach (var group in groups)
        {
            if (group.Key.Locations.Length > 0 && group.Key.Locations[0].IsInSource &&
                !GeneratedCode.IsMarkedGenerated(group.Key, _apis.GeneratedCodeAttribute))
            {
                yield return group;
            }
        }
    }

    private Collection Decide(ISymbol member)
    {
        var type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            ILocalSymbol local => local.Type,
            _ => null,
        };
        if (type is null || !_tracks(type) || !LongLivedMembers.IsLongLived(_apis, member))
        {
            return Untracked;
        }

        var definition = member.OriginalDefinition;
        return _collections.TryGetValue(definition, out var collection) ? collection : _collections.GetOrAdd(definition, static _ => new Collection());
    }

    /// <summary>One tracked collection: the uses of every symbol equal to its original definition belong to it.</summary>
    internal sealed class Collection
    {
    }

    private sealed class Grouping : IGrouping<ISymbol, CollectionUse>
    {
        public Grouping(ISymbol key) => Key = key;

        public ISymbol Key { get; }

        public List<CollectionUse> Uses { get; } = new();

        public IEnumerator<CollectionUse> GetEnumerator() => Uses.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => Uses.GetEnumerator();
    }

    /// <summary>The reference is in a lambda or local function: a callback a constructor registers (an OnMessage or
    /// OnOpen handler) runs later, for every message or connection, so its adds are growth, not set-up.</summary>
    private static bool InCallback(IOperation reference)
    {
        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Filling in a constructor or an initializer of the declaring type is set-up, not growth.</summary>
    private static bool IsInitialization(ISymbol containingSymbol, ISymbol member) => containingSymbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor =>
            SymbolEqualityComparer.Default.Equals(constructor.ContainingType, member.ContainingType),
        IFieldSymbol or IPropertySymbol => true,
        _ => false,
    };
}
