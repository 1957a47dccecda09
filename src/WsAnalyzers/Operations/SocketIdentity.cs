using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.Operations;

/// <summary>Decides whether two expressions name the same socket: the same local, parameter, or chain of
/// fields and properties (<c>ws</c>, <c>_socket</c>, <c>this.Connection.Socket</c>).</summary>
internal static class SocketIdentity
{
    /// <summary>True when <paramref name="operation"/> is a side-effect-free reference that can name a socket.</summary>
    public static bool IsStableReference(IOperation? operation)
    {
        switch (operation?.WithoutConversions())
        {
            case ILocalReferenceOperation:
            case IParameterReferenceOperation:
            case IInstanceReferenceOperation:
                return true;
            case IFieldReferenceOperation field:
                return field.Field.IsStatic || IsStableReference(field.Instance);
            case IPropertyReferenceOperation property:
                return property.Arguments.Length == 0 && (property.Property.IsStatic || IsStableReference(property.Instance));
            default:
                return false;
        }
    }

    public static bool AreSame(IOperation? left, IOperation? right)
    {
        left = left?.WithoutConversions();
        right = right?.WithoutConversions();
        switch (left, right)
        {
            case (ILocalReferenceOperation a, ILocalReferenceOperation b):
                return SymbolEqualityComparer.Default.Equals(a.Local, b.Local);
            case (IParameterReferenceOperation a, IParameterReferenceOperation b):
                return SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter);
            case (IInstanceReferenceOperation, IInstanceReferenceOperation):
                return true;
            case (IFieldReferenceOperation a, IFieldReferenceOperation b):
                return SymbolEqualityComparer.Default.Equals(a.Field, b.Field) && SameInstance(a.Instance, b.Instance);
            case (IPropertyReferenceOperation a, IPropertyReferenceOperation b):
                return a.Arguments.Length == 0 && b.Arguments.Length == 0 &&
                       SymbolEqualityComparer.Default.Equals(a.Property, b.Property) && SameInstance(a.Instance, b.Instance);
            default:
                return false;
        }
    }

    private static bool SameInstance(IOperation? left, IOperation? right) =>
        (left is null && right is null) || AreSame(left, right);
}
