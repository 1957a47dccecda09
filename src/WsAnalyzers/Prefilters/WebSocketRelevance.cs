using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WsAnalyzers.Prefilters;

/// <summary>
/// Which code of a compilation that uses WebSockets can matter to the rules: the types whose source spells a WebSocket
/// API (in any of their partial declarations, the types they are nested in, or their base types declared in source).
/// The rules start from a WebSocket call, a handler, a connection collection or a ws:// address, and a type that never
/// spells "WebSocket" or "SignalR" in any case, or "ws://" (no using, no type name, no base type, no address) holds none
/// of these; everything else in a large application is skipped at the cost of one decision per type.
/// A global using of such a namespace makes every type relevant. The decision is about what to analyze; what is
/// reported is still decided on symbols.
/// The same search of each file answers the compilation gate (<see cref="SpellsAnyApi"/>): every use of a contract API
/// spells "websocket" (System.Net.WebSockets, Websocket.Client, WebSocketSharp, Fleck's IWebSocketConnection,
/// AcceptWebSocketAsync, EmbedIO.WebSockets) or "SignalR" somewhere in the source, so a compilation whose source spells
/// neither is not analyzed. Each file's text is searched once for both questions.
/// </summary>
internal sealed class WebSocketRelevance
{
    // The words of the gate (MarkerSearch), in any case: "ebsocket" finds every spelling of WebSocket and Websocket.
    private static readonly string[] Markers = { "ebsocket", "signalr", "ws://" };
    internal const byte Relevant = MarkerSearch.Marker;
    private const byte SpellsApi = MarkerSearch.ApiName;
    private const byte GlobalUsing = 4;
    private static readonly ConditionalWeakTable<Compilation, WebSocketRelevance> Cache = new();

    // What a file's text says depends on that text alone, and an edit in the IDE makes a new compilation that shares every
    // other file's tree with the one before: each tree's answer is kept with it (FileWords), so an edit costs the search of
    // the edited file, not of the whole project.
    private static readonly FileWords.TextSearch SearchTree = SearchWithGlobalUsing;

    // Filled when the first analyzer starts on the compilation (from the answers kept per tree); afterwards only read.
    private readonly HashSet<SyntaxTree> _mentioning = new();
    private readonly List<SyntaxTree> _mentioningInOrder = new();
    private readonly List<SyntaxTree> _spellingFactWords = new();

    private readonly Compilation _compilation;
    private readonly bool _everything;

    private WebSocketRelevance(Compilation compilation, int factWords)
    {
        _compilation = compilation;
        FactWordsSearched = factWords;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var found = FileWords.Gate(tree, SearchTree, factWords, out var spelled);
            if ((found & Relevant) != 0)
            {
                _mentioning.Add(tree);
                _mentioningInOrder.Add(tree);
                _everything = _everything || (found & GlobalUsing) != 0;
            }

            SpellsAnyApi |= (found & SpellsApi) != 0;
            if (spelled != 0)
            {
                _spellingFactWords.Add(tree);
            }
        }
    }

    /// <summary>The gate of <paramref name="compilation"/>, made by the first caller; when this call makes it, the files
    /// are also searched for <paramref name="factWords"/> (<see cref="FileWords"/>) while their texts are read.</summary>
    public static WebSocketRelevance For(Compilation compilation, int factWords = 0) =>
        factWords == 0
            ? Cache.GetValue(compilation, static c => new WebSocketRelevance(c, factWords: 0))
            : Cache.GetValue(compilation, c => new WebSocketRelevance(c, factWords));

    /// <summary>The words of <see cref="FileWords"/> every file was searched for with the gate.</summary>
    public int FactWordsSearched { get; }

    /// <summary>The files that spell one of <see cref="FactWordsSearched"/>: where a project fact of those words can be.</summary>
    public IReadOnlyList<SyntaxTree> SpellingFactWords => _spellingFactWords;

    /// <summary>True when the code owned by <paramref name="symbol"/> (a method, accessor, field or property whose body or
    /// initializer is analyzed) may use a WebSocket API.</summary>
    public bool IsRelevant(ISymbol symbol)
    {
        if (_everything)
        {
            return true;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is null)
        {
            return true;
        }

        var last = Volatile.Read(ref _lastDecided);
        if (last is not null && ReferenceEquals(last.Type, type))
        {
            return last.Relevant;
        }

        var relevant = IsRelevant(type, depth: 0);
        Volatile.Write(ref _lastDecided, new Decision(type, relevant));
        return relevant;
    }

    // The driver starts the families on a type one after the other, so the first decides and the other five read its
    // answer here: one slot, not a table of every type (whose lookups missed the processor's caches at nearly every type
    // of a large application), and a miss only decides again.
    private Decision? _lastDecided;

    private sealed class Decision
    {
        public Decision(INamedTypeSymbol type, bool relevant)
        {
            Type = type;
            Relevant = relevant;
        }

        public INamedTypeSymbol Type { get; }

        public bool Relevant { get; }
    }

    /// <summary>
    /// The members of <paramref name="members"/> that code this gate skips may use: visible outside their type, and spelled
    /// by a file that spells no WebSocket API. A judgement that needs every use of a member (that nothing ever removes
    /// from a collection) must not be made on the uses the rules saw. Each skipped file is read once for all the members.
    /// </summary>
    public ISet<ISymbol> MayBeUsedWhereSkipped(IEnumerable<ISymbol> members, CancellationToken cancellation)
    {
        var used = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (_everything)
        {
            return used;
        }

        var pending = members.Where(member => member.DeclaredAccessibility != Accessibility.Private).ToList();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (pending.Count == 0)
            {
                break;
            }

            cancellation.ThrowIfCancellationRequested();
            if (Mentions(tree))
            {
                continue;
            }

            var text = SourceSpans.WholeTextOf(tree, cancellation);
            for (var i = pending.Count - 1; i >= 0; i--)
            {
                if (text.IndexOf(pending[i].Name.AsSpan()) >= 0)
                {
                    used.Add(pending[i]);
                    pending.RemoveAt(i);
                }
            }
        }

        return used;
    }

    /// <summary>True when the source text of <paramref name="tree"/> spells a WebSocket API.</summary>
    public bool Mentions(SyntaxTree tree) => _mentioning.Contains(tree);

    /// <summary>The files that spell a WebSocket API (<see cref="Mentions"/>), in the compilation's order.</summary>
    public IReadOnlyList<SyntaxTree> MentioningFiles => _mentioningInOrder;

    /// <summary>The compilation gate: some file spells "websocket" or "signalr" in any case.</summary>
    public bool SpellsAnyApi { get; }

    private bool IsRelevant(INamedTypeSymbol type, int depth) =>
        // Deep enough for any real nesting or inheritance chain; past it the type counts as relevant, never as skipped.
        depth > 16 ||
        IsDeclaredInMentioningFile(type) ||
        (type.ContainingType is { } outer && IsRelevant(outer, depth + 1)) ||
        (type.BaseType is { } baseType && baseType.DeclaringSyntaxReferences.Length > 0 && IsRelevant(baseType.OriginalDefinition, depth + 1));

    private bool IsDeclaredInMentioningFile(INamedTypeSymbol type)
    {
        foreach (var location in type.Locations)
        {
            if (location.SourceTree is { } tree && _mentioning.Contains(tree))
            {
                return true;
            }
        }

        return false;
    }

    private static byte SearchWithGlobalUsing(SyntaxTree tree, ReadOnlySpan<char> text)
    {
        var found = MarkerSearch.Find(text);

        // A global using of a WebSocket namespace spells a marker, so only the files that do are parsed for one.
        return (found & Relevant) != 0 && HasGlobalUsingOfWebSocketApi(tree) ? (byte)(found | GlobalUsing) : found;
    }

    private static bool HasGlobalUsingOfWebSocketApi(SyntaxTree tree) =>
        tree.GetRoot() is CompilationUnitSyntax unit &&
        unit.Usings.Any(u => u.GlobalKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.GlobalKeyword) &&
                             Markers.Any(marker => u.ToString().IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0));
}
