using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Apis;

/// <summary>
/// Resolves types by metadata name ("System.Net.WebSockets.WebSocket", "System.Threading.Tasks.Task`1",
/// "Outer+Inner") as the compilation's merged global namespace would: a type declared in the compilation wins, and an
/// ambiguous name (two public types in references) resolves to nothing.
/// <c>Compilation.GetTypeByMetadataName</c> asked every referenced assembly for every name (about 10 ms per compilation
/// for our ~130 types against the ASP.NET Core reference set), and walking the merged namespaces of each new compilation
/// still asked each of its ~300 modules for every namespace and type on the way (about 1.2 ms). A referenced module's
/// answers do not change, and the compiler shares a module's symbols between the compilations that reference the same
/// file (an IDE's compilation after each edit, a build server's next build): <see cref="ReferencedModule"/> keeps them
/// per module, so a compilation only gathers the few answers its modules already hold. The compilation's own modules are
/// asked afresh.
/// </summary>
internal sealed class MetadataTypes
{
    private readonly Compilation _compilation;
    private readonly IAssemblySymbol _assembly;
    private readonly Dictionary<string, INamedTypeSymbol?> _types = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, INamespaceSymbol?> _sourceNamespaces = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<INamedTypeSymbol>> _referenced = new(System.StringComparer.Ordinal);
    private ReferencedModule[]? _modules;
    private int _namesGathered;

    public MetadataTypes(Compilation compilation)
    {
        _compilation = compilation;
        _assembly = compilation.Assembly;
    }

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
        var type = Pick(_assembly, Candidates(nestedParts[0]));
        for (var i = 1; i < nestedParts.Length && type is not null; i++)
        {
            var (nestedName, nestedArity) = NameAndArity(nestedParts[i]);
            type = Pick(_assembly, type.GetTypeMembers(nestedName, nestedArity));
        }

        return type;
    }

    /// <summary>The top-level types of that name: the compilation's own first, as the merged namespace lists them.</summary>
    private ImmutableArray<INamedTypeSymbol> Candidates(string topLevel)
    {
        var own = TypesNamed(_assembly.GlobalNamespace, _sourceNamespaces, topLevel);

        var index = TopLevelNames.Register(topLevel, out var names);
        if (index >= _namesGathered)
        {
            Gather(names);
        }

        if (!_referenced.TryGetValue(topLevel, out var referenced))
        {
            return own;
        }

        var all = ImmutableArray.CreateBuilder<INamedTypeSymbol>(own.Length + referenced.Count);
        all.AddRange(own);
        all.AddRange(referenced);
        return all.MoveToImmutable();
    }

    /// <summary>Adds what the referenced modules hold for the names registered since the last call.</summary>
    private void Gather(string[] names)
    {
        if (_modules is null)
        {
            var own = new List<INamespaceSymbol>();
            foreach (var module in _assembly.Modules)
            {
                own.Add(module.GlobalNamespace);
            }

            var modules = new List<ReferencedModule>();
            foreach (var global in _compilation.GlobalNamespace.ConstituentNamespaces)
            {
                if (!own.Contains(global, SymbolEqualityComparer.Default))
                {
                    modules.Add(ReferencedModule.For(global));
                }
            }

            _modules = modules.ToArray();
        }

        foreach (var module in _modules)
        {
            module.AddTypes(names, _namesGathered, names.Length, _referenced);
        }

        _namesGathered = names.Length;
    }

    /// <summary>The top-level types of <paramref name="topLevel"/> under one global namespace, its namespaces resolved
    /// (and kept in <paramref name="namespaces"/>) on the way.</summary>
    private static ImmutableArray<INamedTypeSymbol> TypesNamed(
        INamespaceSymbol global, Dictionary<string, INamespaceSymbol?> namespaces, string topLevel)
    {
        var lastDot = topLevel.LastIndexOf('.');
        var container = lastDot > 0 ? Namespace(global, namespaces, topLevel.Substring(0, lastDot)) : global;
        if (container is null)
        {
            return ImmutableArray<INamedTypeSymbol>.Empty;
        }

        var (name, arity) = NameAndArity(topLevel.Substring(lastDot + 1));
        return container.GetTypeMembers(name, arity);
    }

    private static INamespaceSymbol? Namespace(INamespaceSymbol global, Dictionary<string, INamespaceSymbol?> namespaces, string dottedName)
    {
        if (namespaces.TryGetValue(dottedName, out var known))
        {
            return known;
        }

        var lastDot = dottedName.LastIndexOf('.');
        var parent = lastDot > 0 ? Namespace(global, namespaces, dottedName.Substring(0, lastDot)) : global;
        var resolved = parent is null ? null : ChildNamespace(parent, dottedName.Substring(lastDot + 1));
        namespaces[dottedName] = resolved;
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

    private static INamedTypeSymbol? Pick(IAssemblySymbol assembly, ImmutableArray<INamedTypeSymbol> candidates)
    {
        if (candidates.Length <= 1)
        {
            return candidates.IsEmpty ? null : candidates[0];
        }

        INamedTypeSymbol? publicInReferences = null;
        var publicCount = 0;
        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, assembly))
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

    /// <summary>Every top-level metadata name asked in this process, numbered in the order first asked, so that a
    /// module answers each name once and a compilation gathers the answers of all names in one pass over its modules.</summary>
    private static class TopLevelNames
    {
        private static readonly object Gate = new();
        private static readonly Dictionary<string, int> Indexes = new(System.StringComparer.Ordinal);
        private static string[] s_names = System.Array.Empty<string>();

        public static int Register(string topLevel, out string[] names)
        {
            lock (Gate)
            {
                if (!Indexes.TryGetValue(topLevel, out var index))
                {
                    index = s_names.Length;
                    var grown = new string[index + 1];
                    System.Array.Copy(s_names, grown, index);
                    grown[index] = topLevel;
                    s_names = grown;
                    Indexes[topLevel] = index;
                }

                names = s_names;
                return index;
            }
        }
    }

    /// <summary>The types a referenced module declares under the registered names, kept with the module's global
    /// namespace, which the compiler shares between the compilations that reference the module.</summary>
    private sealed class ReferencedModule
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<INamespaceSymbol, ReferencedModule> Modules = new();

        private readonly INamespaceSymbol _global;
        private readonly Dictionary<string, INamespaceSymbol?> _namespaces = new(System.StringComparer.Ordinal);
        private readonly List<(int Index, ImmutableArray<INamedTypeSymbol> Types)> _found = new();
        private int _answered;

        private ReferencedModule(INamespaceSymbol global) => _global = global;

        public static ReferencedModule For(INamespaceSymbol global) => Modules.GetValue(global, g => new ReferencedModule(g));

        /// <summary>Adds this module's types for the names numbered from <paramref name="from"/> up to
        /// <paramref name="to"/>, answering first the names it has not been asked yet.</summary>
        public void AddTypes(string[] names, int from, int to, Dictionary<string, List<INamedTypeSymbol>> into)
        {
            lock (_found)
            {
                for (; _answered < to; _answered++)
                {
                    var types = TypesNamed(_global, _namespaces, names[_answered]);
                    if (!types.IsEmpty)
                    {
                        _found.Add((_answered, types));
                    }
                }

                foreach (var (index, types) in _found)
                {
                    if (index >= from && index < to)
                    {
                        if (!into.TryGetValue(names[index], out var list))
                        {
                            into[names[index]] = list = new List<INamedTypeSymbol>(types.Length);
                        }

                        list.AddRange(types);
                    }
                }
            }
        }
    }
}
