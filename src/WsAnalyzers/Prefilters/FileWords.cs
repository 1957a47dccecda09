using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Apis;

namespace WsAnalyzers.Prefilters;

/// <summary>
/// What a file's text spells, kept per syntax tree: the relevance gate's answer (<see cref="WebSocketRelevance"/>) and the
/// words the configuration rules' project facts are read from, a prefilter that decides which files are bound, never a
/// fact itself. What a text spells depends on the text alone, and an edit in the IDE makes a new compilation that shares
/// every other file's tree with the one before, so each tree is searched once for every compilation that holds it, and
/// only for the words asked of it so far: after an edit, only the edited file is searched.
/// </summary>
internal sealed class FileWords
{
    public const int KeepAliveTimeout = 1 << 0;
    public const int WebSocketOptions = 1 << 1;
    public const int AddWebSockets = 1 << 2;
    public const int AllowedOrigins = 1 << 3;
    public const int Origin = 1 << 4;
    public const int AddCookie = 1 << 5;
    public const int AddNegotiate = 1 << 6;
    public const int AddIdentity = 1 << 7;
    public const int FallbackPolicy = 1 << 8;

    private const int OriginWords = AllowedOrigins | Origin;
    private const int WebSocketWords = WebSocketOptions | AddWebSockets;

    /// <summary>
    /// The words an accept's rules ask of every file (the middleware's options, an Origin check, a fallback policy, and for
    /// an endpoint that requires authorization the authentication registrations), searched by the gate while it reads each
    /// text where an ASP.NET Core accept can be: a sweep of every file costs mostly the reading of its texts, and a word
    /// searched in a text just read costs a fraction of a sweep of its own.
    /// </summary>
    public const int AskedByAnAccept = KeepAliveTimeout | WebSocketWords | OriginWords | FallbackPolicy | AddCookie | AddNegotiate | AddIdentity;

    // The words searched for so far in the low half, those found in the high half: one field, so that a word is never
    // read as searched before its answer is there.
    private const int FoundShift = 16;
    private const int SearchedMask = (1 << FoundShift) - 1;

    // The gate's answer with this bit once the text has been searched for it.
    private const int GateSearched = 1 << 8;

    private static readonly ConditionalWeakTable<SyntaxTree, FileWords> Files = new();

    private int _gate;
    private int _state;

    /// <summary>A search of a file's whole text: the relevance gate's. It must not ask for another file's whole text, which
    /// may reuse the buffer <paramref name="text"/> is read from (<see cref="SourceSpans.WholeTextOf"/>).</summary>
    public delegate byte TextSearch(SyntaxTree tree, ReadOnlySpan<char> text);

    /// <summary>
    /// The relevance gate's answer for <paramref name="tree"/> (<paramref name="search"/>'s, searched once), and in
    /// <paramref name="spelled"/> the words of <paramref name="words"/> the file spells: the text is read once for both.
    /// </summary>
    public static byte Gate(SyntaxTree tree, TextSearch search, int words, out int spelled)
    {
        var file = Files.GetOrCreateValue(tree);
        var gate = Volatile.Read(ref file._gate);
        var state = Volatile.Read(ref file._state);
        var missing = words & ~state & SearchedMask;
        if (gate == 0 || missing != 0)
        {
            var text = SourceSpans.WholeTextOf(tree);
            if (gate == 0)
            {
                gate = search(tree, text) | GateSearched;
                Volatile.Write(ref file._gate, gate);
            }

            if (missing != 0)
            {
                state = file.Add(missing, Search(text, missing, (gate & WebSocketRelevance.Relevant) != 0));
            }
        }

        spelled = (state >> FoundShift) & words;
        return (byte)gate;
    }

    /// <summary>
    /// The words of <see cref="AskedByAnAccept"/> the compilation's references can make a fact of, where an ASP.NET Core
    /// accept can be and one of its project-wide rules (WS6001, WS6003) runs; otherwise none.
    /// </summary>
    public static int AskedByAnAcceptIn(WebSocketApis apis, bool acceptRulesRun) =>
        apis.AspNetWebSocketManager is not null && acceptRulesRun ? Resolvable(apis.Configuration) & AskedByAnAccept : 0;

    /// <summary>
    /// The words whose facts the compilation's references can make true: the project facts set a fact only when a name
    /// binds to one of these types or members, so a word without them is never searched for (every file of a large
    /// application would be).
    /// </summary>
    public static int Resolvable(ConfigurationTypes types)
    {
        var words = 0;
        if (types.ServerKeepAliveTimeout is not null)
        {
            words |= KeepAliveTimeout;
        }

        if (types.WebSocketsDependencyInjectionExtensions is not null || types.WebSocketOptions is not null)
        {
            words |= WebSocketWords;
        }

        if (types.AllowedOrigins is not null)
        {
            words |= AllowedOrigins;
        }

        if (types.HeaderDictionary is not null || types.HeaderNames is not null)
        {
            words |= Origin;
        }

        // Each registration is searched only where its extension type is referenced (Negotiate is a package of its own).
        if (types.CookieExtensions is not null)
        {
            words |= AddCookie;
        }

        if (types.NegotiateExtensions is not null)
        {
            words |= AddNegotiate;
        }

        if (types.IdentityExtensions is not null || types.IdentityUIExtensions is not null || types.IdentityCookieExtensions is not null)
        {
            words |= AddIdentity;
        }

        if (types.AuthorizationOptions is not null)
        {
            words |= FallbackPolicy;
        }

        return words;
    }

    /// <summary>
    /// The words of <paramref name="wanted"/> that the text of <paramref name="tree"/> spells. "WebSocket" is only looked
    /// for where <paramref name="mentionsWebSocket"/> (the relevance gate's answer for the same tree): a file that spells
    /// no "ebsocket" in any case cannot spell it.
    /// </summary>
    public static int In(SyntaxTree tree, int wanted, bool mentionsWebSocket, CancellationToken cancellation)
    {
        var file = Files.GetOrCreateValue(tree);
        var state = Volatile.Read(ref file._state);
        var missing = wanted & ~state & SearchedMask;
        if (missing != 0)
        {
            state = file.Add(missing, Search(SourceSpans.WholeTextOf(tree, cancellation), missing, mentionsWebSocket));
        }

        return (state >> FoundShift) & wanted;
    }

    private int Add(int searched, int found)
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            var next = state | searched | (found << FoundShift);
            if (Interlocked.CompareExchange(ref _state, next, state) == state)
            {
                return next;
            }
        }
    }

    /// <summary>
    /// The words of <paramref name="wanted"/> that <paramref name="text"/> holds. A word that contains another is only
    /// searched for where the shorter one is found ("AllowedOrigins" where "Origin" is, the WebSocket options where
    /// "WebSocket" is, the Identity registrations where "Identity" is).
    /// </summary>
    private static int Search(ReadOnlySpan<char> text, int wanted, bool mentionsWebSocket)
    {
        var found = 0;
        if ((wanted & OriginWords) != 0)
        {
            found |= OriginWordsIn(text) & wanted;
        }

        if ((wanted & KeepAliveTimeout) != 0 && Contains(text, "KeepAliveTimeout"))
        {
            found |= KeepAliveTimeout;
        }

        if ((wanted & WebSocketWords) != 0 && mentionsWebSocket && Contains(text, "WebSocket"))
        {
            found |= ((Contains(text, "WebSocketOptions") ? WebSocketOptions : 0) | (Contains(text, "AddWebSockets") ? AddWebSockets : 0)) & wanted;
        }

        if ((wanted & AddCookie) != 0 && Contains(text, "AddCookie"))
        {
            found |= AddCookie;
        }

        if ((wanted & AddNegotiate) != 0 && Contains(text, "AddNegotiate"))
        {
            found |= AddNegotiate;
        }

        if ((wanted & AddIdentity) != 0 && Contains(text, "Identity") && (Contains(text, "AddIdentity") || Contains(text, "AddDefaultIdentity")))
        {
            found |= AddIdentity;
        }

        if ((wanted & FallbackPolicy) != 0 && Contains(text, "FallbackPolicy"))
        {
            found |= FallbackPolicy;
        }

        return found;
    }

    /// <summary>
    /// Origin where "Origin" or "origin" is spelled and the word "origin" stands alone in some case (in a longer name,
    /// OriginalTitle or OriginId, it is not the header); AllowedOrigins where "AllowedOrigins" is spelled.
    /// </summary>
    private static int OriginWordsIn(ReadOnlySpan<char> text)
    {
        // Both words need "Origin" or "origin": an ordinal search for what they share rules out most files faster than
        // the case-insensitive one below.
        if (!Contains(text, "rigin"))
        {
            return 0;
        }

        var found = 0;
        var spelled = false;
        var word = false;
        for (var start = 0; start < text.Length;)
        {
            var at = text.Slice(start).IndexOf("origin".AsSpan(), StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                break;
            }

            at += start;
            var spelling = text.Slice(at, 6);
            spelled |= spelling.SequenceEqual("Origin".AsSpan()) || spelling.SequenceEqual("origin".AsSpan());
            word |= (at == 0 || !IsWordCharacter(text[at - 1])) && (at + 6 == text.Length || !IsWordCharacter(text[at + 6]));
            if (spelled && word)
            {
                break;
            }

            start = at + 1;
        }

        if (spelled && word)
        {
            found |= Origin;
        }

        if (spelled && Contains(text, "AllowedOrigins"))
        {
            found |= AllowedOrigins;
        }

        return found;
    }

    /// <summary>A character of a word as a regular expression's \w reads it: a letter, a non-spacing mark, a decimal
    /// digit, a connector (the underscore), or a zero-width joiner or non-joiner.</summary>
    private static bool IsWordCharacter(char c) =>
        c is '\u200C' or '\u200D' ||
        char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
            UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or
            UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation;

    private static bool Contains(ReadOnlySpan<char> text, string word) => text.IndexOf(word.AsSpan()) >= 0;
}
