using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Core;
using WsAnalyzers.MessageHandlers;

namespace WsAnalyzers.CodeFixes.MessageHandlers;

/// <summary>WS4001: moves the loop off the receive path with <c>await Task.Run(() => { loop });</c>, or, for a busy wait,
/// makes it wait without a thread (<c>await Task.Delay(1)</c> at the end of its body; <c>await Task.Delay(Timeout.Infinite)</c>
/// for one that never ends), making the function around it async where it must (<see cref="AsyncFunctionEdits"/>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CpuBoundLoopInHandlerCodeFixProvider)), Shared]
public sealed class CpuBoundLoopInHandlerCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS4001.OffloadWithTaskRun";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.CpuBoundLoopInHandler);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(CpuBoundLoopInHandlerRule.FixProperty, out var fix) ||
            await LoopAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is null ||
            !await AsyncFunctionEdits.AllowsAsync(document, diagnostic, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return fix == CpuBoundLoopInHandlerRule.OffloadValue ? "Offload the loop with await Task.Run" : "Wait with await Task.Delay instead of spinning";
    }

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var functions = new AsyncFunctionEdits();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(CpuBoundLoopInHandlerRule.FixProperty, out var fix) ||
                Loop(editor.OriginalRoot, diagnostic) is not { } loop ||
                !await AsyncFunctionEdits.AllowsAsync(document, diagnostic, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            if (fix == CpuBoundLoopInHandlerRule.OffloadValue)
            {
                editor.ReplaceNode(loop, (current, _) => Offloaded((StatementSyntax)current));
            }
            else
            {
                var forever = fix == CpuBoundLoopInHandlerRule.WaitForeverValue;
                editor.ReplaceNode(Body(loop), (current, _) => Waiting((StatementSyntax)current, forever));
            }

            functions.Add(loop, diagnostic.Properties.TryGetValue(AwaitFixes.MakeAsyncProperty, out var makeAsync) ? makeAsync : null);
        }

        functions.Apply(editor);
        return await AsyncSyntax.AddImportsAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<StatementSyntax?> LoopAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is { } root ? Loop(root, diagnostic) : null;

    private static StatementSyntax? Loop(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<StatementSyntax>() is
            { } loop and (ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
            ? loop
            : null;

    private static StatementSyntax Body(StatementSyntax loop) => loop switch
    {
        ForStatementSyntax @for => @for.Statement,
        CommonForEachStatementSyntax forEach => forEach.Statement,
        WhileStatementSyntax @while => @while.Statement,
        DoStatementSyntax @do => @do.Statement,
        _ => loop,
    };

    /// <summary><c>await Task.Run(() => { loop });</c> in the loop's place (in a block when the loop was an embedded statement).</summary>
    private static SyntaxNode Offloaded(StatementSyntax loop)
    {
        var lambda = SyntaxFactory.ParenthesizedLambdaExpression(
            SyntaxFactory.ParameterList(),
            SyntaxFactory.Block(loop.WithoutLeadingTrivia().WithoutTrailingTrivia()));
        var run = SyntaxFactory.InvocationExpression(
            AsyncSyntax.TaskMember("Run"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(lambda))));
        var offloaded = SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(run))
            .WithTriviaFrom(loop)
            .WithAdditionalAnnotations(Formatter.Annotation);
        return loop.Parent is BlockSyntax or SwitchSectionSyntax ? offloaded : SyntaxFactory.Block(offloaded);
    }

    /// <summary>The busy wait's body with <c>await Task.Delay(1);</c> at its end, or, for a wait that never ends, only
    /// <c>await Task.Delay(Timeout.Infinite);</c>.</summary>
    private static SyntaxNode Waiting(StatementSyntax body, bool forever)
    {
        var delay = forever
            ? (ExpressionSyntax)AsyncSyntax.Member("global::System.Threading.Timeout", "Infinite")
            : SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(1));
        var wait = SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(SyntaxFactory.InvocationExpression(
            AsyncSyntax.TaskMember("Delay"),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(delay))))));
        var statements = forever ? default
            : body is BlockSyntax block ? block.Statements
            : body is EmptyStatementSyntax ? default
            : SyntaxFactory.SingletonList(body.WithoutTrivia());
        var waiting = body is BlockSyntax original
            ? original.WithStatements(statements.Add(wait))
            : SyntaxFactory.Block(statements.Add(wait)).WithTriviaFrom(body);
        return waiting.WithAdditionalAnnotations(Formatter.Annotation);
    }
}
