using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace WsAnalyzers.CodeFixes.ReceiveLoop;

/// <summary>The syntax the receive-loop fixes read and write: the statement a call stands in, the socket and token a
/// receive uses, the function it is written in, and names that are still free.</summary>
internal static class ReceiveLoopSyntax
{
    /// <summary>The expression a call's value is used as: through <c>await</c>, parentheses and <c>ConfigureAwait</c>.</summary>
    public static ExpressionSyntax Outermost(InvocationExpressionSyntax invocation, out bool awaited, out bool configureAwait)
    {
        ExpressionSyntax expression = invocation;
        awaited = false;
        configureAwait = false;
        while (true)
        {
            if (expression.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax)
            {
                awaited |= expression.Parent is AwaitExpressionSyntax;
                expression = (ExpressionSyntax)expression.Parent;
            }
            else if (expression.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access &&
                     access.Parent is InvocationExpressionSyntax configured)
            {
                configureAwait = true;
                expression = configured;
            }
            else
            {
                return expression;
            }
        }
    }

    /// <summary>A name, <c>this</c>, or a chain of member accesses on one: reading it twice reads the same thing.</summary>
    public static bool IsStable(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsStable(access.Expression),
        _ => false,
    };

    /// <summary>The cancellation token a call passes, when it can be passed again; otherwise <c>CancellationToken.None</c>.</summary>
    public static ExpressionSyntax Token(InvocationExpressionSyntax invocation, IMethodSymbol method)
    {
        var arguments = invocation.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var parameter = argument.NameColon is { } name
                ? method.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText)
                : i < method.Parameters.Length ? method.Parameters[i] : null;
            if (parameter?.Type is { Name: "CancellationToken" } &&
                (IsStable(argument.Expression) || argument.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.DefaultLiteralExpression } or DefaultExpressionSyntax))
            {
                return argument.Expression.WithoutTrivia();
            }
        }

        return SyntaxFactory.ParseExpression("global::System.Threading.CancellationToken.None");
    }

    /// <summary>The argument passed for the parameter at <paramref name="ordinal"/>, positional or named.</summary>
    public static ArgumentSyntax? Argument(InvocationExpressionSyntax invocation, IMethodSymbol method, int ordinal)
    {
        var arguments = invocation.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.NameColon is { } name ? method.Parameters[ordinal].Name == name.Name.Identifier.ValueText : i == ordinal)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The method, local function, lambda, accessor or top-level code a node is written in.</summary>
    public static SyntaxNode? Function(SyntaxNode node) =>
        node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or
            AccessorDeclarationSyntax or CompilationUnitSyntax);

    /// <summary>True when an <c>await</c> or a <c>break</c>/<c>return</c> cannot be added at <paramref name="statement"/>:
    /// inside a <c>finally</c>, a <c>lock</c> or a switch section (between it and <paramref name="boundary"/>).</summary>
    public static bool IsRestricted(SyntaxNode statement, SyntaxNode boundary)
    {
        foreach (var ancestor in statement.Ancestors())
        {
            if (ancestor == boundary)
            {
                return false;
            }

            if (ancestor is FinallyClauseSyntax or LockStatementSyntax or SwitchSectionSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="stem"/>, or <paramref name="stem"/>2, 3... when the name is taken at <paramref name="position"/>.</summary>
    public static string FreeName(SemanticModel model, int position, string stem, ISet<string>? taken = null)
    {
        var name = stem;
        for (var i = 2; model.LookupSymbols(position, name: name).Length > 0 || (taken?.Contains(name) ?? false); i++)
        {
            name = stem + i;
        }

        return name;
    }

    /// <summary>Marks every <c>global::</c>-qualified name in <paramref name="node"/> for simplification (to the short name
    /// where a using allows it) and the node for formatting.</summary>
    public static T Simplified<T>(T node)
        where T : SyntaxNode =>
        node.ReplaceNodes(
                node.DescendantNodes().OfType<ExpressionSyntax>().Where(e =>
                    e.ToString().StartsWith("global::", System.StringComparison.Ordinal) &&
                    !(e.Parent is MemberAccessExpressionSyntax access && access.Expression == e) && e.Parent is not QualifiedNameSyntax),
                (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation))
            .WithAdditionalAnnotations(Formatter.Annotation);

    /// <summary><paramref name="inserted"/> followed by an empty line, in the line ending <paramref name="model"/> uses.</summary>
    public static T WithBlankLineAfter<T>(T inserted, SyntaxNode model)
        where T : SyntaxNode
    {
        var endOfLine = model.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine == default)
        {
            endOfLine = SyntaxFactory.EndOfLine("\n");
        }

        return inserted.WithTrailingTrivia(endOfLine, endOfLine);
    }
}
