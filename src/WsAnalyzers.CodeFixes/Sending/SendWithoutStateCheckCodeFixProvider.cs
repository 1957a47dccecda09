using System.Collections.Immutable;
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

/// <summary>WS3001: wraps the sending statement in <c>if (socket.State == WebSocketState.Open)</c>.</summary>
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
                SendingStatement(invocation) is not { } statement ||
                !diagnostic.Properties.TryGetValue(SendWithoutStateCheckRule.StateMemberProperty, out var member) ||
                !diagnostic.Properties.TryGetValue(SendWithoutStateCheckRule.StateTypeProperty, out var stateType) ||
                StateAccess(invocation, member!) is not { } stateAccess)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Send only when the connection is open",
                    ct => WrapAsync(context.Document, statement, stateAccess, stateType!, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> WrapAsync(
        Document document, StatementSyntax statement, ExpressionSyntax stateAccess, string stateType, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var open = SyntaxFactory.ParseExpression("global::" + stateType + ".Open").WithAdditionalAnnotations(Simplifier.Annotation);
        var condition = SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, stateAccess, open);
        var guarded = SyntaxFactory.IfStatement(condition, SyntaxFactory.Block(statement.WithoutLeadingTrivia().WithoutTrailingTrivia()))
            .WithLeadingTrivia(statement.GetLeadingTrivia())
            .WithTrailingTrivia(statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root!.ReplaceNode(statement, guarded));
    }

    /// <summary>The statement that consists of the send: <c>ws.Send(x);</c>, <c>await ws.SendAsync(...);</c>, optionally with ConfigureAwait.</summary>
    private static StatementSyntax? SendingStatement(InvocationExpressionSyntax invocation)
    {
        SyntaxNode node = invocation;
        while (node.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax ||
               (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access &&
                access.Parent is InvocationExpressionSyntax))
        {
            node = node.Parent is MemberAccessExpressionSyntax ? node.Parent.Parent! : node.Parent;
        }

        return node.Parent is ExpressionStatementSyntax statement && statement.Parent is BlockSyntax or StatementSyntax or SwitchSectionSyntax
            ? statement
            : null;
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

    private static bool IsStable(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax or BaseExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsStable(access.Expression),
        _ => false,
    };
}
