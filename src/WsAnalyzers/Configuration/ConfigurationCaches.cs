using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Apis;

namespace WsAnalyzers.Configuration;

/// <summary>
/// What the configuration rules remember per compilation, created at the family's compilation start: the project-wide
/// facts (<see cref="ProjectFacts"/>, gathered at the first candidate that needs them), the per-type keep-alive facts, and
/// the semantic models of the other files those lookups bind (one per file, so a file is bound once for all of them).
/// </summary>
internal sealed class ConfigurationCaches
{
    private readonly WebSocketApis _apis;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeFacts> _types = new(SymbolEqualityComparer.Default);
    private ProjectFacts? _project;

    public ConfigurationCaches(WebSocketApis apis) => _apis = apis;

    public ProjectFacts Project(CancellationToken cancellation)
    {
        if (Volatile.Read(ref _project) is { } known)
        {
            return known;
        }

        var collected = ProjectFacts.Collect(_apis, this, cancellation);
        return Interlocked.CompareExchange(ref _project, collected, null) ?? collected;
    }

    public TypeFacts Type(INamedTypeSymbol type, CancellationToken cancellation)
    {
        if (_types.TryGetValue(type, out var known))
        {
            return known;
        }

        return _types.GetOrAdd(type, TypeFacts.Collect(type, _apis, this, cancellation));
    }

    /// <summary>The model of a file other than the one being analyzed, made once per file for these lookups.</summary>
    public SemanticModel ModelOf(SyntaxTree tree) => _models.GetOrAdd(tree, t => _apis.Compilation.GetSemanticModel(t));
}
