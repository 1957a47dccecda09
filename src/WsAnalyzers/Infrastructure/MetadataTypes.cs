using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Infrastructure;

/// <summary>
/// Resolves a type by its metadata name ("System.Net.WebSockets.WebSocket", "System.Threading.Tasks.Task`1",
/// "Outer+Inner") through the compilation's merged namespace tree. <see cref="Compilation.GetTypeByMetadataName"/> asks
/// every referenced assembly for every name, which cost about 10 ms per compilation for our ~90 types against the
/// ASP.NET Core reference set; the namespace tree is the one binding fills and caches anyway.
/// Like GetTypeByMetadataName, a type declared in source wins, and an ambiguous name (two public types in
/// references) resolves to nothing.
/// </summary>
internal static class MetadataTypes
{
    public static INamedTypeSymbol? Find(Compilation compilation, string metadataName)
    {
        var nestedParts = metadataName.Split('+');
        var topLevel = nestedParts[0];
        var lastDot = topLevel.LastIndexOf('.');
        INamespaceSymbol? container = compilation.GlobalNamespace;
        if (lastDot > 0)
        {
            foreach (var part in topLevel.Substring(0, lastDot).Split('.'))
            {
                container = ChildNamespace(container, part);
                if (container is null)
                {
                    return null;
                }
            }
        }

        var (name, arity) = NameAndArity(topLevel.Substring(lastDot + 1));
        var type = Pick(compilation, container.GetTypeMembers(name, arity));
        for (var i = 1; i < nestedParts.Length && type is not null; i++)
        {
            var (nestedName, nestedArity) = NameAndArity(nestedParts[i]);
            type = Pick(compilation, type.GetTypeMembers(nestedName, nestedArity));
        }

        return type;
    }

    private static INamespaceSymbol? ChildNamespace(INamespaceSymbol parent, string name)
    {
        foreach (var member in parent.GetMembers(name))
        {
            if (member is INamespaceSymbol child)
            {
                return child;
            }
        }

        return null;
    }

    private static (string Name, int Arity) NameAndArity(string metadataName)
    {
        var tick = metadataName.IndexOf('`');
        return tick > 0 && int.TryParse(metadataName.Substring(tick + 1), out var arity)
            ? (metadataName.Substring(0, tick), arity)
            : (metadataName, 0);
    }

    private static INamedTypeSymbol? Pick(Compilation compilation, System.Collections.Immutable.ImmutableArray<INamedTypeSymbol> candidates)
    {
        if (candidates.Length <= 1)
        {
            return candidates.IsEmpty ? null : candidates[0];
        }

        INamedTypeSymbol? publicInReferences = null;
        var publicCount = 0;
        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
            {
                return candidate;
            }

            if (candidate.DeclaredAccessibility == Accessibility.Public)
            {
                publicInReferences = candidate;
                publicCount++;
            }
        }

        return publicCount == 1 ? publicInReferences : null;
    }
}
