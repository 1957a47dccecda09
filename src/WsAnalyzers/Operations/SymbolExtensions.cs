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

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseOrInterface))
            {
                return true;
            }
        }

        if (baseOrInterface.TypeKind == TypeKind.Interface)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, baseOrInterface))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool IsType(this ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

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
