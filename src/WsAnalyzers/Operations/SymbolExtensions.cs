using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Operations;

internal static class SymbolExtensions
{
    /// <summary>True when <paramref name="type"/> is <paramref name="baseOrInterface"/>, derives from it or implements it.</summary>
    public static bool IsOrInheritsFrom(this ITypeSymbol? type, INamedTypeSymbol? baseOrInterface)
    {
        if (type is null || baseOrInterface is null)
        {
            return false;
        }

        var name = baseOrInterface.Name;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == name && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseOrInterface))
            {
                return true;
            }
        }

        if (baseOrInterface.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.Name == name && SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, baseOrInterface))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Equal types have equal names: the name is read first, as comparing two symbols costs more than comparing two strings.
    public static bool IsType(this ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && type.Name == expected.Name && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>True when <paramref name="method"/> is, or overrides, a method named <paramref name="name"/> declared on <paramref name="declaringType"/>.</summary>
    public static bool OverridesMethodOf(this IMethodSymbol method, INamedTypeSymbol? declaringType, string name)
    {
        if (declaringType is null || method.Name != name)
        {
            return false;
        }

        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.ContainingType?.OriginalDefinition, declaringType))
            {
                return true;
            }
        }

        return false;
    }
}
