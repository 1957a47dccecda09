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
using WsAnalyzers.Core;
using WsAnalyzers.Sending;

namespace WsAnalyzers.CodeFixes.Sending;

/// <summary>WS3003: awaits a dropped send (<c>ws.SendAsync(...);</c> or <c>_ = ws.SendAsync(...);</c>) in an async function.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SendNotAwaitedCodeFixProvider)), Shared]
public sealed class SendNotAwaitedCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "WS3003.AwaitTheSend";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SendNotAwaited);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(SendNotAwaitedRule.AwaitProperty) ||
                root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                    .FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { } statement)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Await the send", ct => AwaitAsync(context.Document, statement, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> AwaitAsync(Document document, ExpressionStatementSyntax statement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var task = statement.Expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } } discard
            ? discard.Right
            : statement.Expression;
        var awaited = statement.WithExpression(SyntaxFactory.AwaitExpression(task.WithoutTrivia()).WithTriviaFrom(statement.Expression))
            .WithAdditionalAnnotations(Formatter.Annotation);
        return document.WithSyntaxRoot(root!.ReplaceNode(statement, awaited));
    }
}
