using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;

namespace WsAnalyzers.CodeFixes.Reconnect;

/// <summary>WS1004: disposes the used ClientWebSocket and stores a new one right before ConnectAsync.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClientWebSocketReusedCodeFixProvider)), Shared]
public sealed class ClientWebSocketReusedCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "WS1004.CreateNewClientWebSocket";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ClientWebSocketReused);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ClientWebSocketReusedRule.AssignableProperty, out var assignable) || assignable != "true" ||
                root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation ||
                invocation.Expression is not MemberAccessExpressionSyntax { Expression: var socket } ||
                socket is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }) ||
                ConnectingStatement(invocation) is not { } statement)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Create a new ClientWebSocket before connecting",
                    ct => FixAsync(context.Document, statement, socket, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, StatementSyntax statement, ExpressionSyntax socket, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || statement.Parent is not BlockSyntax block)
        {
            return document;
        }

        var found = model.LookupNamespacesAndTypes(statement.SpanStart, name: "ClientWebSocket");
        var typeName = found.Length == 1 && found[0].ToDisplayString() == "System.Net.WebSockets.ClientWebSocket"
            ? "ClientWebSocket"
            : "global::System.Net.WebSockets.ClientWebSocket";
        var name = socket.WithoutTrivia().ToString();
        var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var endOfLine = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.ElasticCarriageReturnLineFeed;
        var dispose = SyntaxFactory.ParseStatement($"{name}?.Dispose();")
            .WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation);
        var create = SyntaxFactory.ParseStatement($"{name} = new {typeName}();")
            .WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(endOfLine).WithAdditionalAnnotations(Formatter.Annotation);
        var index = block.Statements.IndexOf(statement);
        var statements = block.Statements
            .Replace(statement, statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithAdditionalAnnotations(Formatter.Annotation))
            .InsertRange(index, new[] { dispose, create });
        return document.WithSyntaxRoot(root.ReplaceNode(block, block.WithStatements(statements)));
    }

    /// <summary>The statement that consists of the connect: <c>await ws.ConnectAsync(...);</c>, optionally with ConfigureAwait.</summary>
    private static StatementSyntax? ConnectingStatement(InvocationExpressionSyntax invocation)
    {
        SyntaxNode node = invocation;
        while (node.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax ||
               (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } && node.Parent.Parent is InvocationExpressionSyntax))
        {
            node = node.Parent is MemberAccessExpressionSyntax ? node.Parent.Parent! : node.Parent;
        }

        return node.Parent is ExpressionStatementSyntax { Parent: BlockSyntax } statement ? statement : null;
    }
}
