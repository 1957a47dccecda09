using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Sending;

/// <summary>
/// The calls written in a type's declarations in one file (not in its nested types) whose invoked name passes a test:
/// the same calls as <see cref="TypeInvocations.InFile"/>, found from the places the declaration's text has the name
/// instead of by walking all of its syntax. An invoked name is an identifier token of the call, so its text has the
/// name; a declaration whose text has a unicode escape (an identifier can be spelt with one) is walked as before.
/// </summary>
internal static class NamedCalls
{
    [ThreadStatic]
    private static char[]? t_buffer;

    /// <summary>The calls whose invoked name satisfies <paramref name="isName"/>; every such name contains one of
    /// <paramref name="words"/>.</summary>
    public static IEnumerable<IInvocationOperation> InType(
        INamedTypeSymbol type, SemanticModel model, string[] words, Func<string, bool> isName, CancellationToken cancellation)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            var declaration = reference.GetSyntax(cancellation);
            foreach (var invocation in Find(declaration, words, isName, cancellation) ?? Walk(declaration, isName))
            {
                if (model.GetOperation(invocation, cancellation) is IInvocationOperation operation)
                {
                    yield return operation;
                }
            }
        }
    }

    /// <summary>The calls of the declaration, from the positions of the words in its text; null when its text has a unicode escape.</summary>
    private static List<InvocationExpressionSyntax>? Find(SyntaxNode declaration, string[] words, Func<string, bool> isName, CancellationToken cancellation)
    {
        var span = declaration.Span;
        var length = span.Length;
        var buffer = t_buffer;
        if (buffer is null || buffer.Length < length)
        {
            t_buffer = buffer = new char[Math.Max(length, 4096)];
        }

        declaration.SyntaxTree.GetText(cancellation).CopyTo(span.Start, buffer, 0, length);
        if (HasUnicodeEscape(buffer, length))
        {
            return null;
        }

        var calls = new List<InvocationExpressionSyntax>();
        foreach (var word in words)
        {
            for (var start = 0; (start = IndexOf(buffer, length, word, start)) >= 0; start++)
            {
                var position = span.Start + start;
                var token = declaration.FindToken(position);
                if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Contains(position) &&
                    CallNaming(token) is { } call && !calls.Contains(call) && SyntaxNames.Invoked(call.Expression) is { } name && isName(name) &&
                    IsOwnedBy(call, declaration))
                {
                    calls.Add(call);
                }
            }
        }

        // In the order a walk of the declaration meets them (an enclosing call first).
        calls.Sort(static (a, b) => a.SpanStart != b.SpanStart ? a.SpanStart.CompareTo(b.SpanStart) : b.Span.Length.CompareTo(a.Span.Length));
        return calls;
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

    /// <summary>The declaration is the nearest type declaration around the call (the call is not in a nested type).</summary>
    private static bool IsOwnedBy(SyntaxNode call, SyntaxNode declaration)
    {
        for (var current = call.Parent; current is not null; current = current.Parent)
        {
            if (current is BaseTypeDeclarationSyntax)
            {
                return current == declaration;
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

    private static bool HasUnicodeEscape(char[] buffer, int length)
    {
        for (var start = 0; (start = Array.IndexOf(buffer, '\\', start, length - start)) >= 0 && start + 1 < length; start++)
        {
            if (buffer[start + 1] is 'u' or 'U')
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf(char[] buffer, int length, string word, int start)
    {
        var last = length - word.Length;
        while (start <= last)
        {
            // Array.IndexOf on chars is vectorised by the runtime.
            var hit = Array.IndexOf(buffer, word[0], start, last - start + 1);
            if (hit < 0)
            {
                return -1;
            }

            var matched = 1;
            while (matched < word.Length && buffer[hit + matched] == word[matched])
            {
                matched++;
            }

            if (matched == word.Length)
            {
                return hit;
            }

            start = hit + 1;
        }

        return -1;
    }
}
