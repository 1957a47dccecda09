using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>
/// Decides whether a state check and a send name the same socket. Beyond <see cref="SocketIdentity"/> (locals,
/// parameters, chains of fields and properties), an element of the same collection at the same index counts
/// (<c>peers[i].State</c> and <c>peers[i].SendAsync(...)</c>, <c>_players[id].Socket</c>), when the index is a local, a
/// parameter, a field or a constant. And a member path rooted at an element variable (<c>s.Socket</c>) can be compared
/// with the same path rooted at another element variable (a filter's parameter).
/// </summary>
internal static class SendTargets
{
    public static bool AreSame(IOperation? left, IOperation? right)
    {
        left = left?.WithoutConversions();
        right = right?.WithoutConversions();
        switch (left, right)
        {
            case (IArrayElementReferenceOperation a, IArrayElementReferenceOperation b):
                return AreSame(a.ArrayReference, b.ArrayReference) && SameIndices(a.Indices, b.Indices);
            case (IPropertyReferenceOperation a, IPropertyReferenceOperation b) when a.Arguments.Length > 0 || b.Arguments.Length > 0:
                return SymbolEqualityComparer.Default.Equals(a.Property, b.Property) && SameInstance(a.Instance, b.Instance) &&
                       SameIndices(Values(a.Arguments), Values(b.Arguments));
            case (IPropertyReferenceOperation a, IPropertyReferenceOperation b):
                return SymbolEqualityComparer.Default.Equals(a.Property, b.Property) && SameInstance(a.Instance, b.Instance);
            case (IFieldReferenceOperation a, IFieldReferenceOperation b):
                return SymbolEqualityComparer.Default.Equals(a.Field, b.Field) && SameInstance(a.Instance, b.Instance);
            default:
                return SocketIdentity.AreSame(left, right);
        }
    }

    /// <summary>The chain of fields and properties (without arguments) from a local or parameter to
    /// <paramref name="operation"/>: <c>pair.Value</c> is (pair, [Value]); null for other shapes.</summary>
    public static (ISymbol Root, List<ISymbol> Members)? RootedPath(IOperation? operation)
    {
        var members = new List<ISymbol>();
        for (var current = operation?.WithoutConversions(); current is not null; current = current.WithoutConversions())
        {
            switch (current)
            {
                case ILocalReferenceOperation local:
                    members.Reverse();
                    return (local.Local, members);
                case IParameterReferenceOperation parameter:
                    members.Reverse();
                    return (parameter.Parameter, members);
                case IPropertyReferenceOperation { Arguments.Length: 0, Instance: { } instance } property:
                    members.Add(property.Property);
                    current = instance;
                    break;
                case IFieldReferenceOperation { Instance: { } instance } field:
                    members.Add(field.Field);
                    current = instance;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="operation"/> is <paramref name="root"/> followed by <paramref name="members"/>.</summary>
    public static bool IsPath(IOperation? operation, ISymbol root, List<ISymbol> members)
    {
        if (RootedPath(operation) is not { } path || !SymbolEqualityComparer.Default.Equals(path.Root, root) || path.Members.Count != members.Count)
        {
            return false;
        }

        for (var i = 0; i < members.Count; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(path.Members[i], members[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameInstance(IOperation? left, IOperation? right) =>
        (left is null && right is null) || AreSame(left, right);

    private static IOperation[] Values(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        var values = new IOperation[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            values[i] = arguments[i].Value;
        }

        return values;
    }

    private static bool SameIndices(IReadOnlyList<IOperation> left, IReadOnlyList<IOperation> right)
    {
        if (left.Count != right.Count || left.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            var a = left[i].WithoutConversions();
            var b = right[i].WithoutConversions();
            var same = a.ConstantValue.HasValue
                ? b.ConstantValue.HasValue && Equals(a.ConstantValue.Value, b.ConstantValue.Value)
                : SocketIdentity.IsStableReference(a) && SocketIdentity.AreSame(a, b);
            if (!same)
            {
                return false;
            }
        }

        return true;
    }
}
