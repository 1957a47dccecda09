using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsAnalyzers.Apis;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// <see cref="ConnectCandidates"/> for one file. A name may reach a connect when a method or local function of that name
/// declared in the file has, in its own code (outside the local functions nested in it, which are owners of their own),
/// an invocation of a connect name, or of a name that may reach a connect itself, or hands such a name as an argument
/// (a method group). The names a question leads to are followed breadth-first; the declarations of a name are found by
/// searching the file's text for it as a whole word, so that only the methods on the way are walked, not the whole file.
/// A file whose identifiers may be spelled differently from their value (a Unicode escape or a formatting character), or
/// with syntax errors (a declaration may lack its parameter list), is indexed by walking all of it instead. The answers are kept.
/// </summary>
internal sealed class ConnectCandidateFile
{
    private readonly SyntaxTree _tree;
    private readonly object _gate = new();
    private readonly Dictionary<string, bool> _answers = new(StringComparer.Ordinal);

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _pending = new();

    private bool _read;
    private bool _mentionsConnect;
    private string _text = string.Empty;
    private SyntaxNode? _root;
    private HashSet<string>? _indexed;

    public ConnectCandidateFile(SyntaxTree tree) => _tree = tree;

    public bool MayReachConnect(string name)
    {
        lock (_gate)
        {
            if (_answers.TryGetValue(name, out var known))
            {
                return known;
            }

            Read();
            var answer = _mentionsConnect && (_indexed is { } indexed ? indexed.Contains(name) : Search(name));
            _answers[name] = answer;
            return answer;
        }
    }

    private void Read()
    {
        if (_read)
        {
            return;
        }

        _read = true;
        _text = _tree.GetText().ToString();

        // Every connect name of the contract contains "onnect" (Connect, ConnectAsync, Reconnect, ReconnectOrFail) or
        // "Start" (Start, StartAsync, StartOrFail): a file whose text has neither cannot invoke one.
        _mentionsConnect = _text.IndexOf("onnect", StringComparison.Ordinal) >= 0 || _text.IndexOf("Start", StringComparison.Ordinal) >= 0;
        if (!_mentionsConnect)
        {
            return;
        }

        _root = _tree.GetRoot();
        if (_root.ContainsDiagnostics || MaySpellIdentifiersDifferently(_text))
        {
            _indexed = Index(_root);
        }
    }

    /// <summary>Breadth-first over the names <paramref name="name"/>'s declarations invoke: true as soon as one invokes a
    /// connect name. When none is reached, no name on the way is either.</summary>
    private bool Search(string name)
    {
        var seen = _seen;
        var pending = _pending;
        seen.Clear();
        pending.Clear();
        seen.Add(name);
        pending.Enqueue(name);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            if (_answers.TryGetValue(current, out var known))
            {
                if (known)
                {
                    return true;
                }

                continue;
            }

            if (InvokesConnect(current))
            {
                return true;
            }
        }

        foreach (var visited in seen)
        {
            _answers[visited] = false;
        }

        return false;
    }

    /// <summary>True when a declaration of <paramref name="name"/> invokes a connect name; otherwise the names they invoke
    /// that were not seen yet are queued.</summary>
    private bool InvokesConnect(string name)
    {
        if (name.Length == 0)
        {
            // Only broken code has a declaration without a name, and broken code is indexed (Read).
            return false;
        }

        SyntaxNode? previous = null;
        for (var hit = _text.IndexOf(name, StringComparison.Ordinal); hit >= 0; hit = _text.IndexOf(name, hit + 1, StringComparison.Ordinal))
        {
            if (Declaration(name, hit) is not { } declaration || declaration == previous)
            {
                continue;
            }

            previous = declaration;
            foreach (var node in declaration.DescendantNodes(child => child == declaration || child is not (LocalFunctionStatementSyntax or MemberDeclarationSyntax)))
            {
                if (InvokedName(node) is not { } invoked)
                {
                    continue;
                }

                if (WebSocketApis.MayBe(invoked, WebSocketCallKind.Connect))
                {
                    return true;
                }

                if (_seen.Add(invoked))
                {
                    _pending.Enqueue(invoked);
                }
            }
        }

        return false;
    }

    /// <summary>The method or local function whose identifier is the whole word <paramref name="name"/> at
    /// <paramref name="hit"/> in the file's text, if any.</summary>
    private SyntaxNode? Declaration(string name, int hit)
    {
        var end = hit + name.Length;
        if ((hit > 0 && SyntaxFacts.IsIdentifierPartCharacter(_text[hit - 1])) ||
            (end < _text.Length && SyntaxFacts.IsIdentifierPartCharacter(_text[end])) || !MayOpenParameters(end))
        {
            return null;
        }

        var token = _root!.FindToken(hit);
        if (token.ValueText != name)
        {
            return null;
        }

        return token.Parent switch
        {
            MethodDeclarationSyntax method when method.Identifier == token => method,
            LocalFunctionStatementSyntax local when local.Identifier == token => local,
            _ => null,
        };
    }

    /// <summary>After a declaration's name come its type parameters or parameters; a comment or a directive may come first.</summary>
    private bool MayOpenParameters(int position)
    {
        while (position < _text.Length && char.IsWhiteSpace(_text[position]))
        {
            position++;
        }

        return position < _text.Length && _text[position] is '(' or '<' or '/' or '#';
    }

    /// <summary>The name an invocation calls or an argument hands over as a method group, as written.</summary>
    private static string? InvokedName(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax invocation => SyntaxNames.Invoked(invocation.Expression),
        ArgumentSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax } argument => SyntaxNames.Invoked(argument.Expression),
        _ => null,
    };

    /// <summary>A Unicode escape or a formatting character can make an identifier's value differ from its text
    /// (<c>Conn\u0065ct</c>), which the text search would miss.</summary>
    private static bool MaySpellIdentifiersDifferently(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (character == '\\')
            {
                if (index + 1 < text.Length && text[index + 1] is 'u' or 'U')
                {
                    return true;
                }
            }
            else if (character > 0x7F && CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>All names of the file that may reach a connect, from one walk of it.</summary>
    private static HashSet<string> Index(SyntaxNode root)
    {
        var reaching = new HashSet<string>(StringComparer.Ordinal);
        var invokes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var node in root.DescendantNodes())
        {
            if (InvokedName(node) is not { } name || Owner(node) is not { } owner)
            {
                continue;
            }

            if (WebSocketApis.MayBe(name, WebSocketCallKind.Connect))
            {
                reaching.Add(owner);
            }
            else
            {
                if (!invokes.TryGetValue(owner, out var callees))
                {
                    invokes[owner] = callees = new HashSet<string>(StringComparer.Ordinal);
                }

                callees.Add(name);
            }
        }

        for (var changed = reaching.Count > 0; changed;)
        {
            changed = false;
            foreach (var pair in invokes)
            {
                if (!reaching.Contains(pair.Key) && pair.Value.Overlaps(reaching))
                {
                    changed |= reaching.Add(pair.Key);
                }
            }
        }

        return reaching;
    }

    /// <summary>The name of the method or local function whose own code contains the node.</summary>
    private static string? Owner(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case LocalFunctionStatementSyntax local:
                    return local.Identifier.ValueText;
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText;
                case MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }
}
