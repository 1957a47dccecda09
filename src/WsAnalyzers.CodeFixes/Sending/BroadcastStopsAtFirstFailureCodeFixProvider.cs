using System.Collections.Generic;
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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using WsAnalyzers.Core;
using WsAnalyzers.Sending;

namespace WsAnalyzers.CodeFixes.Sending;

/// <summary>WS3002: moves each per-connection send of the broadcast into its own try/catch that removes the dead connection
/// from the ConcurrentDictionary the loop iterates (by key), or otherwise skips it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BroadcastStopsAtFirstFailureCodeFixProvider)), Shared]
public sealed class BroadcastStopsAtFirstFailureCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "WS3002.CatchPerConnection";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BroadcastStopsAtFirstFailure);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is not null && diagnostic.Properties.ContainsKey(BroadcastStopsAtFirstFailureRule.ExceptionTypeProperty) &&
                Targets(root, diagnostic).Any())
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Catch the failure per connection",
                        ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var done = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(BroadcastStopsAtFirstFailureRule.ExceptionTypeProperty, out var exception))
            {
                continue;
            }

            foreach (var target in Targets(editor.OriginalRoot, diagnostic))
            {
                if (done.Add(target))
                {
                    diagnostic.Properties.TryGetValue(BroadcastStopsAtFirstFailureRule.RegistryProperty, out var registry);
                    diagnostic.Properties.TryGetValue(BroadcastStopsAtFirstFailureRule.KeyProperty, out var key);
                    editor.ReplaceNode(target, (current, _) => Wrap(current, exception!, registry, key));
                }
            }
        }

        return editor.GetChangedDocument();
    }

    /// <summary>The statements (or expression lambdas) that consist of an unhandled send.</summary>
    private static IEnumerable<SyntaxNode> Targets(SyntaxNode root, Diagnostic diagnostic)
    {
        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } send)
            {
                continue;
            }

            SyntaxNode node = send;
            while (node.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax ||
                   (node.Parent is MemberAccessExpressionSyntax && node.Parent.Parent is InvocationExpressionSyntax))
            {
                node = node.Parent is MemberAccessExpressionSyntax ? node.Parent.Parent! : node.Parent;
            }

            if (node.Parent is ExpressionStatementSyntax statement)
            {
                yield return statement;
            }
            else if (node.Parent is LambdaExpressionSyntax lambda && lambda.ExpressionBody == node)
            {
                yield return lambda;
            }
        }
    }

    private static SyntaxNode Wrap(SyntaxNode target, string exception, string? registry, string? key)
    {
        var newLine = target.DescendantTrivia().Concat(target.GetTrailingTrivia()).FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var endOfLine = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.EndOfLine("\n");
        var lambda = target as LambdaExpressionSyntax;
        var statement = lambda is { ExpressionBody: { } body } ? SyntaxFactory.ExpressionStatement(body) : (StatementSyntax)target;
        var skip = registry is not null && key is not null
            ? SyntaxFactory.Block(SyntaxFactory.ParseStatement($"{registry}.TryRemove({key}, out _);"))
            : SyntaxFactory.Block().WithOpenBraceToken(
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(
                    endOfLine, SyntaxFactory.Comment("// The connection is gone: skip it so the others still get the message."), endOfLine));
        var @try = SyntaxFactory.TryStatement(
            SyntaxFactory.Block(statement.WithoutLeadingTrivia().WithoutTrailingTrivia()),
            SyntaxFactory.SingletonList(SyntaxFactory.CatchClause(
                SyntaxFactory.CatchDeclaration(SyntaxFactory.ParseTypeName("global::" + exception).WithAdditionalAnnotations(Simplifier.Annotation)),
                null,
                skip)),
            null);

        if (lambda is not null)
        {
            var block = SyntaxFactory.Block(@try).WithTriviaFrom(lambda.ExpressionBody!);
            return lambda.WithExpressionBody(null).WithBlock(block).WithAdditionalAnnotations(Formatter.Annotation);
        }

        StatementSyntax replacement = target.Parent is BlockSyntax ? @try : SyntaxFactory.Block(@try);
        return replacement.WithTriviaFrom(target).WithAdditionalAnnotations(Formatter.Annotation);
    }
}
