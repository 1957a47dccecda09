using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Apis;

namespace WsAnalyzers.Configuration;

/// <summary>
/// What the configuration rules remember per compilation, created at the family's compilation start: the project-wide
/// facts (each <see cref="ProjectFactGroup"/> of <see cref="ProjectFacts"/>, and whether a server runs an application
/// heartbeat, gathered at the first candidate that needs them and only then), the per-type keep-alive facts, and the
/// semantic models of the other files those lookups bind (one per file, so a file is bound once for all of them).
/// </summary>
internal sealed class ConfigurationCaches
{
    private readonly WebSocketApis _apis;
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<INamedTypeSymbol, TypeFacts> _types = new(SymbolEqualityComparer.Default);
    private readonly ProjectFacts?[] _project = new ProjectFacts?[4];
    private int _serverHeartbeat; // 0 not looked for yet, 1 none, 2 found

    public ConfigurationCaches(WebSocketApis apis) => _apis = apis;

    public ProjectFacts Project(ProjectFactGroup group, CancellationToken cancellation)
    {
        var index = (int)group;
        if (Volatile.Read(ref _project[index]) is { } known)
        {
            return known;
        }

        var collected = ProjectFacts.Collect(_apis, this, group, cancellation);
        return Interlocked.CompareExchange(ref _project[index], collected, null) ?? collected;
    }

    /// <summary>An application heartbeat with a reply timeout in the project's WebSocket code (<see cref="Heartbeats.AnyInProject"/>).</summary>
    public bool ServerHeartbeat(CancellationToken cancellation)
    {
        var known = Volatile.Read(ref _serverHeartbeat);
        if (known == 0)
        {
            known = Heartbeats.AnyInProject(_apis, this, cancellation) ? 2 : 1;
            Volatile.Write(ref _serverHeartbeat, known);
        }

        return known == 2;
    }

    /// <param name="current">The model of the file being analyzed: a declaration in that file is read with it, so what the
    /// driver has bound there already is not bound again.</param>
    public TypeFacts Type(INamedTypeSymbol type, SemanticModel? current, CancellationToken cancellation)
    {
        if (_types.TryGetValue(type, out var known))
        {
            return known;
        }

        return _types.GetOrAdd(type, TypeFacts.Collect(type, _apis, this, current, cancellation));
    }

    /// <summary>The model of <paramref name="tree"/>: <paramref name="current"/> when it is that file's, otherwise one
    /// made once per file for these lookups.</summary>
    public SemanticModel ModelOf(SyntaxTree tree, SemanticModel? current = null) =>
        current is not null && current.SyntaxTree == tree ? current : _models.GetOrAdd(tree, t => _apis.Compilation.GetSemanticModel(t));
}
