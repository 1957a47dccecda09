using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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

    public CollectionUseCollector(WebSocketApis apis, Func<ITypeSymbol, bool> tracks, SourceBodies? bodies)
    {
        _apis = apis;
        _tracks = tracks;
        _bodies = bodies;
    }

    public void Record(OperationAnalysisContext context)
    {
        var reference = context.Operation;
        var member = reference.ReferencedSymbol();
        var type = member switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            ILocalSymbol local => local.Type,
            _ => null,
        };
        if (member is null || type is null || !_tracks(type) || !LongLivedMembers.IsLongLived(_apis, member))
        {
            return;
        }

        var kind = CollectionUses.Classify(reference, context.ContainingSymbol, out var operation);
        if (kind == CollectionUseKind.Add && IsInitialization(context.ContainingSymbol, member) && !InCallback(reference))
        {
            kind = CollectionUseKind.Initialization;
        }

        _uses.Add(new CollectionUse(_apis, member.OriginalDefinition, kind, operation, context.ContainingSymbol));
        _bodies?.Remember(reference);
    }

    /// <summary>The recorded uses, grouped by the collection they touch (call at compilation end); collections declared
    /// in generated code are left out, as the rules report on the declaration.</summary>
    public IEnumerable<IGrouping<ISymbol, CollectionUse>> ByMember() =>
        _uses.GroupBy(use => use.Member, SymbolEqualityComparer.Default)
            .Where(group => group.Key.Locations.Length > 0 && group.Key.Locations[0].IsInSource &&
                            !GeneratedCode.IsMarkedGenerated(group.Key, _apis.GeneratedCodeAttribute));

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
