using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.Prefilters;

/// <summary>
/// The calls written in a type's declarations in one file (not in its nested types) whose invoked name passes a test,
/// for lookups made on demand. They are found from the places the declaration's text spells one of the given words
/// (every name that passes contains one) instead of by walking all of its syntax, and only those calls are bound. An
/// invoked name is an identifier token of the call, so its text has the name; a declaration whose text has a unicode
/// escape (an identifier can be spelt with one) is walked instead.
/// </summary>
internal static class TypeInvocations
{
    /// <summary>The calls whose invoked name satisfies <paramref name="isName"/>; every such name contains one of
    /// <paramref name="words"/>.</summary>
    public static IEnumerable<IInvocationOperation> InFile(
        INamedTypeSymbol type, SemanticModel model, string[] words, Func<string, bool> isName, CancellationToken cancellation) =>
        InFile(type, model, words, isName, null, cancellation);

    /// <summary>As above, binding only the calls <paramref name="mayMatter"/> keeps: a test of the call's syntax that can
    /// only rule out a call whose operation the caller would skip anyway (one written directly under <c>await</c>).</summary>
    public static IEnumerable<IInvocationOperation> InFile(
        INamedTypeSymbol type, SemanticModel model, string[] words, Func<string, bool> isName, Func<InvocationExpressionSyntax, bool>? mayMatter,
        CancellationToken cancellation)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var declaration = reference.GetSyntax(cancellation);
            foreach (var invocation in Find(declaration, words, isName) ?? Walk(declaration, isName))
            {
                if ((mayMatter is null || mayMatter(invocation)) && model.GetOperation(invocation, cancellation) is IInvocationOperation operation)
                {
                    yield return operation;
                }
            }
        }
    }

    /// <summary>The calls of the declaration, from the positions of the words in its text; null when an identifier may be
    /// spelled differently from its value.</summary>
    private static List<InvocationExpressionSyntax>? Find(SyntaxNode declaration, string[] words, Func<string, bool> isName)
    {
        if (SourceSpans.MaySpellIdentifiersDifferently(declaration))
        {
            return null;
        }

        var tokens = new List<SyntaxToken>();
        foreach (var word in words)
        {
            AddIdentifiersSpelling(declaration, word, tokens);
        }

        var calls = new List<InvocationExpressionSyntax>();
        foreach (var token in tokens)
        {
            if (CallNaming(token) is { } call && !calls.Contains(call) && SyntaxNames.Invoked(call.Expression) is { } name && isName(name) &&
                IsOwnedBy(call, declaration))
            {
                calls.Add(call);
            }
        }

        calls.Sort(WalkOrder);
        return calls;
    }

    /// <summary>
    /// The nodes of the declaration (not of its nested types) that name <paramref name="name"/>: the calls whose invoked
    /// name it is (<see cref="SyntaxNames.Invoked"/>) and the identifiers spelling it, in the order a walk of the declaration
    /// meets them, found from where its text spells the name; null when an identifier may be spelled differently from its
    /// value (<see cref="SourceSpans.MaySpellIdentifiersDifferently(SyntaxNode)"/>), and the caller walks the declaration instead.
    /// </summary>
    public static List<SyntaxNode>? NameNodes(SyntaxNode declaration, string name)
    {
        if (Identifiers(declaration, name) is not { } identifiers)
        {
            return null;
        }

        var nodes = new List<SyntaxNode>();
        foreach (var token in identifiers)
        {
            if (token.Parent is not SimpleNameSyntax simpleName || !IsOwnedBy(simpleName, declaration))
            {
                continue;
            }

            if (CallNaming(token) is { } call && !nodes.Contains(call))
            {
                nodes.Add(call);
            }

            if (simpleName is IdentifierNameSyntax && !nodes.Contains(simpleName))
            {
                nodes.Add(simpleName);
            }
        }

        nodes.Sort(WalkOrder);
        return nodes;
    }

    /// <summary>
    /// The identifier tokens of <paramref name="node"/> (nested types included) whose value is <paramref name="name"/>, in
    /// text order, found where the node's text spells the name; null when an identifier may be spelled differently from
    /// its value (<see cref="SourceSpans.MaySpellIdentifiersDifferently(SyntaxNode)"/>), and the caller walks the node instead.
    /// </summary>
    public static List<SyntaxToken>? Identifiers(SyntaxNode node, string name)
    {
        if (name.Length == 0 || SourceSpans.MaySpellIdentifiersDifferently(node))
        {
            return null;
        }

        var tokens = new List<SyntaxToken>();
        AddIdentifiersSpelling(node, name, tokens);
        tokens.RemoveAll(token => token.ValueText != name);
        return tokens;
    }

    /// <summary>In the order a walk of the declaration meets the nodes (an enclosing call first).</summary>
    private static readonly Comparison<SyntaxNode> WalkOrder =
        static (a, b) => a.SpanStart != b.SpanStart ? a.SpanStart.CompareTo(b.SpanStart) : b.Span.Length.CompareTo(a.Span.Length);

    /// <summary>Adds the identifier tokens of <paramref name="node"/> whose text spells <paramref name="word"/>, found
    /// from the positions of the word in the node's text and checked with <c>FindToken</c>.</summary>
    private static void AddIdentifiersSpelling(SyntaxNode node, string word, List<SyntaxToken> tokens)
    {
        var text = SourceSpans.TextOf(node.SyntaxTree);
        var span = node.Span;
        for (var position = text.IndexOf(word, span.Start, span.Length, StringComparison.Ordinal);
             position >= 0;
             position = text.IndexOf(word, position + 1, span.End - position - 1, StringComparison.Ordinal))
        {
            var token = node.FindToken(position);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Contains(position) && (tokens.Count == 0 || tokens[tokens.Count - 1] != token))
            {
                tokens.Add(token);
            }
        }
    }

    /// <summary>The call whose invoked name (<see cref="SyntaxNames.Invoked"/>) is <paramref name="identifier"/>.</summary>
    private static InvocationExpressionSyntax? CallNaming(SyntaxToken identifier)
    {
        if (identifier.Parent is not SimpleNameSyntax name)
        {
            return null;
        }

        ExpressionSyntax expression = name switch
        {
            { Parent: MemberAccessExpressionSyntax access } when access.Name == name => access,
            { Parent: MemberBindingExpressionSyntax binding } when binding.Name == name => binding,
            _ => name,
        };
        return expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression ? invocation : null;
    }

    /// <summary>The declaration (a type's, or the compilation unit of top-level statements) contains the node outside
    /// the types declared in it.</summary>
    private static bool IsOwnedBy(SyntaxNode node, SyntaxNode declaration)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current == declaration)
            {
                return true;
            }

            if (current is BaseTypeDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    private static List<InvocationExpressionSyntax> Walk(SyntaxNode declaration, Func<string, bool> isName)
    {
        var calls = new List<InvocationExpressionSyntax>();
        foreach (var node in declaration.DescendantNodes(child => child == declaration || child is not BaseTypeDeclarationSyntax))
        {
            if (node is InvocationExpressionSyntax invocation && SyntaxNames.Invoked(invocation.Expression) is { } name && isName(name))
            {
                calls.Add(invocation);
            }
        }

        return calls;
    }
}
