using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Apis;

/// <summary>
/// Resolves types by metadata name ("System.Net.WebSockets.WebSocket", "System.Threading.Tasks.Task`1",
/// "Outer+Inner") through the compilation's merged namespace tree. <c>Compilation.GetTypeByMetadataName</c> asks
/// every referenced assembly for every name, which cost about 10 ms per compilation for our ~90 types against the
/// ASP.NET Core reference set; the namespace tree is the one binding fills and caches anyway. One resolver serves the
/// lookups of a compilation start: the ~20 namespaces they share are each walked to once, and a name asked twice is
/// resolved once.
/// Like GetTypeByMetadataName, a type declared in source wins, and an ambiguous name (two public types in
/// references) resolves to nothing.
/// </summary>
internal sealed class MetadataTypes
{
    private readonly Compilation _compilation;
    private readonly Dictionary<string, INamespaceSymbol?> _namespaces = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, INamedTypeSymbol?> _types = new(System.StringComparer.Ordinal);

    public MetadataTypes(Compilation compilation) => _compilation = compilation;

    public INamedTypeSymbol? Find(string metadataName)
    {
        if (!_types.TryGetValue(metadataName, out var type))
        {
            _types[metadataName] = type = Resolve(metadataName);
        }

        return type;
    }

    private INamedTypeSymbol? Resolve(string metadataName)
    {
        var nestedParts = metadataName.Split('+');
        var topLevel = nestedParts[0];
        var lastDot = topLevel.LastIndexOf('.');
        var container = lastDot > 0 ? Namespace(topLevel.Substring(0, lastDot)) : _compilation.GlobalNamespace;
        if (container is null)
        {
            return null;
        }

        var (name, arity) = NameAndArity(topLevel.Substring(lastDot + 1));
        var type = Pick(_compilation, container.GetTypeMembers(name, arity));
        for (var i = 1; i < nestedParts.Length && type is not null; i++)
        {
            var (nestedName, nestedArity) = NameAndArity(nestedParts[i]);
            type = Pick(_compilation, type.GetTypeMembers(nestedName, nestedArity));
        }

        return type;
    }

    /// <summary>The namespace of a dotted name ("System.Net.WebSockets"), its parents resolved (and kept) on the way.</summary>
    private INamespaceSymbol? Namespace(string dottedName)
    {
        if (_namespaces.TryGetValue(dottedName, out var known))
        {
            return known;
        }

        var lastDot = dottedName.LastIndexOf('.');
        var parent = lastDot > 0 ? Namespace(dottedName.Substring(0, lastDot)) : _compilation.GlobalNamespace;
        var resolved = parent is null ? null : ChildNamespace(parent, dottedName.Substring(lastDot + 1));
        _namespaces[dottedName] = resolved;
        return resolved;
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
