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
using WsAnalyzers.MessageHandlers;

namespace WsAnalyzers.CodeFixes.MessageHandlers;

/// <summary>WS4001: moves the loop off the receive path with <c>await Task.Run(() => { loop });</c> (async handlers only).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CpuBoundLoopInHandlerCodeFixProvider)), Shared]
public sealed class CpuBoundLoopInHandlerCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "WS4001.OffloadWithTaskRun";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.CpuBoundLoopInHandler);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(CpuBoundLoopInHandlerRule.OffloadProperty) ||
                root?.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<StatementSyntax>() is not { } loop ||
                loop is not (ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Offload the loop with await Task.Run", ct => OffloadAsync(context.Document, loop, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> OffloadAsync(Document document, StatementSyntax loop, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var lambda = SyntaxFactory.ParenthesizedLambdaExpression(
            SyntaxFactory.ParameterList(),
            SyntaxFactory.Block(loop.WithoutLeadingTrivia().WithoutTrailingTrivia()));
        var run = SyntaxFactory.InvocationExpression(
            AsyncSyntax.TaskMember("Run"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lambda))));
        var offloaded = SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(run))
            .WithTriviaFrom(loop)
            .WithAdditionalAnnotations(Formatter.Annotation);
        StatementSyntax replacement = loop.Parent is BlockSyntax or SwitchSectionSyntax ? offloaded : SyntaxFactory.Block(offloaded);
        return document.WithSyntaxRoot(root!.ReplaceNode(loop, replacement));
    }
}
