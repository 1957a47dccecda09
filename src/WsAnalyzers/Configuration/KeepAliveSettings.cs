using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Configuration;

/// <summary>Whether the options object a call receives sets a keep-alive timeout: made in the call
/// (<c>new WebSocketOptions { ... }</c>), or a local of the same function made there and set afterwards.</summary>
internal static class KeepAliveSettings
{
    /// <param name="creation">The one object creation the options come from, when there is one: where a fix sets the timeout.</param>
    public static KeepAliveSetting Of(IOperation value, IPropertySymbol timeout, IOperation call, out IObjectCreationOperation? creation)
    {
        creation = null;
        switch (value.WithoutConversions())
        {
            case IObjectCreationOperation created:
                creation = created;
                return SetsIn(created, timeout) ? KeepAliveSetting.Set : KeepAliveSetting.Missing;
            case ILocalReferenceOperation local:
                return OfLocal(local.Local, timeout, call, out creation);
            default:
                return KeepAliveSetting.Unknown;
        }
    }

    /// <summary>True when the object initializer of <paramref name="creation"/> (nested ones too) sets <paramref name="timeout"/>.</summary>
    public static bool SetsIn(IObjectCreationOperation creation, IPropertySymbol timeout)
    {
        if (creation.Initializer is null)
        {
            return false;
        }

        foreach (var operation in creation.Initializer.DescendantsOutsideFunctions())
        {
            if (operation.Kind == OperationKind.PropertyReference && Is(((IPropertyReferenceOperation)operation).Property, timeout))
            {
                return true;
            }
        }

        return false;
    }

    private static KeepAliveSetting OfLocal(ILocalSymbol local, IPropertySymbol timeout, IOperation call, out IObjectCreationOperation? creation)
    {
        creation = null;
        var creations = 0;
        var unknown = false;
        var set = false;
        foreach (var operation in Root(call).DescendantsAndSelfIncludingFunctions())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.Initializer is { } initializer)
                    {
                        Assigned(initializer.Value, ref creation, ref creations, ref unknown, ref set, timeout);
                    }

                    break;
                case ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local):
                    Assigned(assignment.Value, ref creation, ref creations, ref unknown, ref set, timeout);
                    break;
                case IPropertyReferenceOperation property when Is(property.Property, timeout) &&
                                                              property.Instance?.WithoutConversions() is ILocalReferenceOperation owner &&
                                                              SymbolEqualityComparer.Default.Equals(owner.Local, local):
                    return KeepAliveSetting.Set;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) &&
                                                            Consumer(reference) is IArgumentOperation argument &&
                                                            argument.Parent != call:
                    // Handed to another method, which may set the timeout.
                    unknown = true;
                    break;
            }
        }

        if (set)
        {
            creation = null;
            return KeepAliveSetting.Set;
        }

        if (unknown || creations == 0)
        {
            creation = null;
            return KeepAliveSetting.Unknown;
        }

        if (creation is not null && creations > 1)
        {
            creation = null;
        }

        return KeepAliveSetting.Missing;
    }

    private static void Assigned(IOperation value, ref IObjectCreationOperation? creation, ref int creations, ref bool unknown, ref bool set, IPropertySymbol timeout)
    {
        if (value.WithoutConversions() is IObjectCreationOperation created)
        {
            creations++;
            creation = created;
            set |= SetsIn(created, timeout);
        }
        else
        {
            unknown = true;
        }
    }

    private static bool Is(IPropertySymbol property, IPropertySymbol timeout) =>
        SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, timeout.OriginalDefinition);

    /// <summary>The operation that uses <paramref name="operation"/>'s value, above conversions and parentheses.</summary>
    public static IOperation? Consumer(IOperation operation)
    {
        var current = operation.Parent;
        while (current is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        return current;
    }

    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            current = parent;
        }

        return current;
    }
}
