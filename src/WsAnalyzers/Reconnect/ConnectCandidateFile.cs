using System;
using System.Collections.Generic;
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
/// (a method group). The set of those names is found once per file, backwards from the connect names: each place the
/// file's text spells a connect name as a whole word is looked up in the tree, and when it is such an invocation or
/// argument, the name of the method or local function that owns it joins the set and is searched for in turn. Only the
/// tokens of those words are looked up, and no method is walked. A file whose identifiers may be spelled differently from
/// their value (a Unicode escape or a formatting character), or with syntax errors, is indexed by walking all of it instead.
/// </summary>
internal sealed class ConnectCandidateFile
{
    /// <summary>The connect names of the contract (<see cref="WebSocketApis.MayBe"/> with <see cref="WebSocketCallKind.Connect"/>)
    /// contain one of these.</summary>
    private static readonly string[] ConnectFragments = { "onnect", "Start" };

    private readonly SyntaxTree _tree;
    private readonly object _gate = new();

    private bool _read;
    private bool _mentionsConnect;
    private string _text = string.Empty;
    private SyntaxNode? _root;
    private HashSet<string>? _reaching;

    public ConnectCandidateFile(SyntaxTree tree) => _tree = tree;

    public bool MayReachConnect(string name)
    {
        lock (_gate)
        {
            Read();
            return _mentionsConnect && _reaching!.Contains(name);
        }
    }

    private void Read()
    {
        if (_read)
        {
            return;
        }

        _read = true;

        // The file's text as one string, shared with the other families' text searches (not a copy per family).
        _text = SourceSpans.TextOf(_tree);

        // Every connect name of the contract contains "onnect" (Connect, ConnectAsync, Reconnect, ReconnectOrFail) or
        // "Start" (Start, StartAsync, StartOrFail): a file whose text has neither cannot invoke one.
        _mentionsConnect = _text.IndexOf("onnect", StringComparison.Ordinal) >= 0 || _text.IndexOf("Start", StringComparison.Ordinal) >= 0;
        if (!_mentionsConnect)
        {
            return;
        }

        _root = _tree.GetRoot();
        _reaching = _root.ContainsDiagnostics || SourceSpans.MaySpellIdentifiersDifferently(_tree) ? Index(_root) : Search();
    }

    /// <summary>The names that may reach a connect, backwards from the connect names: the owners of the invocations (and
    /// method-group arguments) of a connect name, then the owners of those of an owner's name, and so on.</summary>
    private HashSet<string> Search()
    {
        var reaching = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        foreach (var fragment in ConnectFragments)
        {
            for (var hit = _text.IndexOf(fragment, StringComparison.Ordinal); hit >= 0; hit = _text.IndexOf(fragment, hit + 1, StringComparison.Ordinal))
            {
                // The whole word the fragment is part of; a word holding both fragments is looked at twice, to the same effect.
                var start = hit;
                while (start > 0 && SyntaxFacts.IsIdentifierPartCharacter(_text[start - 1]))
                {
                    start--;
                }

                var end = hit + fragment.Length;
                while (end < _text.Length && SyntaxFacts.IsIdentifierPartCharacter(_text[end]))
                {
                    end++;
                }

                if (ConnectNameAt(start, end - start) is { } connectName)
                {
                    AddOwner(start, connectName, reaching, pending);
                }

                hit = end - 1;
            }
        }

        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            if (name.Length == 0)
            {
                continue;
            }

            for (var hit = _text.IndexOf(name, StringComparison.Ordinal); hit >= 0; hit = _text.IndexOf(name, hit + 1, StringComparison.Ordinal))
            {
                var end = hit + name.Length;
                if ((hit == 0 || !SyntaxFacts.IsIdentifierPartCharacter(_text[hit - 1])) &&
                    (end == _text.Length || !SyntaxFacts.IsIdentifierPartCharacter(_text[end])))
                {
                    AddOwner(hit, name, reaching, pending);
                }
            }
        }

        return reaching;
    }

    /// <summary>The connect name spelled at <paramref name="start"/> as a whole word of <paramref name="length"/> characters, if it is one.</summary>
    private string? ConnectNameAt(int start, int length)
    {
        switch (length)
        {
            case 5 or 7 or 9 or 10 or 11 or 12 or 15:
                var word = _text.Substring(start, length);
                return WebSocketApis.MayBe(word, WebSocketCallKind.Connect) ? word : null;
            default:
                return null;
        }
    }

    /// <summary>When the token at <paramref name="position"/> is the name <paramref name="name"/> of an invocation or of
    /// a method-group argument (as <see cref="InvokedName"/> reads it), the method or local function that owns it may
    /// reach a connect: its name is added, and queued the first time.</summary>
    private void AddOwner(int position, string name, HashSet<string> reaching, Queue<string> pending)
    {
        var token = _root!.FindToken(position);
        if (token.Parent is not SimpleNameSyntax simple || simple.Identifier != token || token.ValueText != name)
        {
            return;
        }

        var expression = simple.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == simple => access,
            MemberBindingExpressionSyntax binding when binding.Name == simple => binding,
            _ => (ExpressionSyntax)simple,
        };
        var node = expression.Parent switch
        {
            InvocationExpressionSyntax invocation when invocation.Expression == expression => invocation,
            ArgumentSyntax argument when argument.Expression == expression => argument,
            _ => (SyntaxNode?)null,
        };
        if (node is not null && InvokedName(node) == name && Owner(node) is { } owner && reaching.Add(owner))
        {
            pending.Enqueue(owner);
        }
    }

    /// <summary>The name an invocation calls or an argument hands over as a method group, as written.</summary>
    private static string? InvokedName(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax invocation => SyntaxNames.Invoked(invocation.Expression),
        ArgumentSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax } argument => SyntaxNames.Invoked(argument.Expression),
        _ => null,
    };

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
