using System.Collections.Immutable;
using System.Linq;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using WsAnalyzers.Core;
using WsAnalyzers.Sending;

namespace WsAnalyzers.CodeFixes.Sending;

/// <summary>
/// WS3001: sends only when the connection is open. A sending statement is wrapped in
/// <c>if (socket.State == WebSocketState.Open)</c>; a returned send (<c>return socket.SendAsync(...)</c>) returns a
/// completed task when the socket is not open; an expression-bodied lambda, method or local function that is a send
/// (<c>s =&gt; s.Send(text)</c>, <c>async _ =&gt; await ws.SendAsync(...)</c>) gets a block body doing the same; a
/// statement the send is part of (<c>pending.Add(ws.SendAsync(...))</c>) is skipped as a whole.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SendWithoutStateCheckCodeFixProvider)), Shared]
public sealed class SendWithoutStateCheckCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "WS3001.WrapInStateCheck";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SendWithoutStateCheck);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                    .FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation ||
                !diagnostic.Properties.TryGetValue(SendWithoutStateCheckRule.StateMemberProperty, out var member) ||
                !diagnostic.Properties.TryGetValue(SendWithoutStateCheckRule.StateTypeProperty, out var stateType) ||
                StateAccess(invocation, member!) is not { } stateAccess)
            {
                continue;
            }

            var send = SendExpression(invocation);
            var target = send.Parent switch
            {
                ExpressionStatementSyntax statement when statement.Parent is BlockSyntax or StatementSyntax or SwitchSectionSyntax => (SyntaxNode)statement,
                ReturnStatementSyntax statement when statement.Parent is BlockSyntax or StatementSyntax or SwitchSectionSyntax => statement,
                ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or LocalFunctionStatementSyntax } arrow => arrow,
                LambdaExpressionSyntax lambda when lambda.ExpressionBody == send => lambda,
                _ => EnclosingStatement(send),
            };
            if (target is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Send only when the connection is open",
                    ct => WrapAsync(context.Document, target, send, stateAccess, stateType!, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> WrapAsync(
        Document document, SyntaxNode target, ExpressionSyntax send, ExpressionSyntax stateAccess, string stateType, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var open = SyntaxFactory.ParseExpression("global::" + stateType + ".Open").WithAdditionalAnnotations(Simplifier.Annotation);
        var condition = SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, stateAccess, open);
        if (target is ExpressionStatementSyntax statement)
        {
            var guarded = SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(statement.WithoutLeadingTrivia().WithoutTrailingTrivia()))
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(statement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
            return document.WithSyntaxRoot(root!.ReplaceNode(statement, guarded));
        }

        // A send whose value is the function's result: what to return when the socket is not open, or null for a
        // function whose body is a statement (void, or async).
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || Function(model, target, cancellationToken) is not { } function)
        {
            return document;
        }

        var returnsValue = !function.ReturnsVoid && !function.IsAsync;
        ExpressionSyntax? completed = null;
        if (returnsValue && (completed = Completed(function.ReturnType)) is null)
        {
            return document;
        }

        var bare = send.WithoutTrivia();
        StatementSyntax sending = returnsValue ? SyntaxFactory.ReturnStatement(bare) : SyntaxFactory.ExpressionStatement(bare);
        var ifOpen = SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(sending));
        var statements = completed is null
            ? SyntaxFactory.List<StatementSyntax>(new[] { ifOpen })
            : SyntaxFactory.List<StatementSyntax>(new StatementSyntax[] { ifOpen, SyntaxFactory.ReturnStatement(completed) });
        SyntaxNode replacement;
        switch (target)
        {
            case ReturnStatementSyntax @return when @return.Parent is BlockSyntax:
                var last = statements.Count - 1;
                var placed = statements
                    .Replace(statements[0], statements[0].WithLeadingTrivia(@return.GetLeadingTrivia()))
                    .Select(s => s.WithAdditionalAnnotations(Formatter.Annotation));
                placed = placed.Take(last).Concat(new[] { placed.Last().WithTrailingTrivia(@return.GetTrailingTrivia()) });
                return document.WithSyntaxRoot(root!.ReplaceNode(@return, placed));
            case ReturnStatementSyntax @return:
                replacement = SyntaxFactory.Block(statements).WithTriviaFrom(@return);
                break;
            case ArrowExpressionClauseSyntax arrow:
                var body = SyntaxFactory.Block(statements);
                replacement = arrow.Parent switch
                {
                    MethodDeclarationSyntax method => method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body),
                    LocalFunctionStatementSyntax local => local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body),
                    _ => arrow.Parent!,
                };
                root = root!.ReplaceNode(arrow.Parent!, replacement.WithTriviaFrom(arrow.Parent!).WithAdditionalAnnotations(Formatter.Annotation));
                return document.WithSyntaxRoot(root);
            case LambdaExpressionSyntax lambda:
                // An explicit line break: the formatter keeps a lambda block that is on one line as it is.
                var block = SyntaxFactory.Block(statements);
                block = block.WithOpenBraceToken(block.OpenBraceToken.WithTrailingTrivia(EndOfLine(root!)));
                replacement = lambda.WithExpressionBody(null).WithBlock(block.WithTriviaFrom(lambda.ExpressionBody!));
                break;
            default:
                return document;
        }

        return document.WithSyntaxRoot(root!.ReplaceNode(target, replacement.WithAdditionalAnnotations(Formatter.Annotation)));
    }

    private static SyntaxTrivia EndOfLine(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is var trivia && trivia.IsKind(SyntaxKind.EndOfLineTrivia)
            ? trivia
            : SyntaxFactory.EndOfLine("\n");

    /// <summary>The method, local function or lambda whose result <paramref name="target"/> is.</summary>
    private static IMethodSymbol? Function(SemanticModel model, SyntaxNode target, CancellationToken cancellationToken)
    {
        var node = target switch
        {
            ArrowExpressionClauseSyntax arrow => arrow.Parent,
            LambdaExpressionSyntax lambda => lambda,
            _ => target.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax),
        };
        return node switch
        {
            AnonymousFunctionExpressionSyntax lambda => model.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol,
            null => null,
            _ => model.GetDeclaredSymbol(node, cancellationToken) as IMethodSymbol,
        };
    }

    /// <summary>A completed task of the function's return type: <c>Task.CompletedTask</c>, or <c>default</c> for a ValueTask.</summary>
    private static ExpressionSyntax? Completed(ITypeSymbol type)
    {
        var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        return name switch
        {
            "global::System.Threading.Tasks.Task" => SyntaxFactory.ParseExpression("global::System.Threading.Tasks.Task.CompletedTask").WithAdditionalAnnotations(Simplifier.Annotation),
            "global::System.Threading.Tasks.ValueTask" => SyntaxFactory.LiteralExpression(SyntaxKind.DefaultLiteralExpression),
            _ => null,
        };
    }

    /// <summary>The expression statement the send is part of (<c>pending.Add(ws.SendAsync(...));</c>,
    /// <c>ws.SendAsync(...).Wait();</c>), when no lambda stands between them: the whole statement is skipped when the
    /// socket is not open.</summary>
    private static SyntaxNode? EnclosingStatement(ExpressionSyntax send)
    {
        foreach (var ancestor in send.Ancestors())
        {
            switch (ancestor)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return null;
                case ExpressionStatementSyntax statement:
                    return statement.Parent is BlockSyntax or StatementSyntax or SwitchSectionSyntax ? statement : null;
                case StatementSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The send with what wraps it into its statement: <c>await</c>, parentheses, <c>ConfigureAwait</c>.</summary>
    private static ExpressionSyntax SendExpression(InvocationExpressionSyntax invocation)
    {
        ExpressionSyntax node = invocation;
        while (node.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax ||
               (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access &&
                access.Parent is InvocationExpressionSyntax))
        {
            node = node.Parent is MemberAccessExpressionSyntax ? (ExpressionSyntax)node.Parent.Parent! : (ExpressionSyntax)node.Parent;
        }

        return node;
    }

    /// <summary><c>socket.State</c> for an explicit socket that reads without side effects; <c>ReadyState</c> for a WebSocketBehavior's own send.</summary>
    private static ExpressionSyntax? StateAccess(InvocationExpressionSyntax invocation, string member)
    {
        var name = SyntaxFactory.IdentifierName(member);
        return invocation.Expression switch
        {
            MemberAccessExpressionSyntax access when IsStable(access.Expression) =>
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, access.Expression.WithoutTrivia(), name),
            IdentifierNameSyntax => name,
            _ => null,
        };
    }

    /// <summary>Reads without side effects: names, <c>this</c>, member chains, and elements at a name or literal index.</summary>
    private static bool IsStable(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax or BaseExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsStable(access.Expression),
        ElementAccessExpressionSyntax element => IsStable(element.Expression) &&
            element.ArgumentList.Arguments.All(a => a.Expression is IdentifierNameSyntax or LiteralExpressionSyntax),
        _ => false,
    };
}
