using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Core;
using WsAnalyzers.MessageHandlers;

namespace WsAnalyzers.CodeFixes.MessageHandlers;

/// <summary>WS4002: replaces the blocking call with an await (Thread.Sleep → await Task.Delay, .Result → await, Wait() →
/// await, WaitAll → await Task.WhenAll, SemaphoreSlim.Wait → await WaitAsync), making the function around it async where
/// it must (<see cref="AsyncFunctionEdits"/>): an event-handler lambda, a function that returns a task, a SignalR hub
/// method that nothing calls directly.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingCallInHandlerCodeFixProvider)), Shared]
public sealed class BlockingCallInHandlerCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS4002.AwaitInsteadOfBlocking";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BlockingCallInHandler);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        diagnostic.Properties.ContainsKey(BlockingCallInHandlerRule.FixProperty) &&
        await AsyncFunctionEdits.AllowsAsync(document, diagnostic, cancellationToken).ConfigureAwait(false)
            ? "Await instead of blocking"
            : null;

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var functions = new AsyncFunctionEdits();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Length))
        {
            if (!diagnostic.Properties.TryGetValue(BlockingCallInHandlerRule.FixProperty, out var kind) ||
                root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node ||
                !await AsyncFunctionEdits.AllowsAsync(document, diagnostic, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            editor.ReplaceNode(node, (current, _) => Awaited((ExpressionSyntax)current, kind!) ?? current);
            functions.Add(node, diagnostic.Properties.TryGetValue(AwaitFixes.MakeAsyncProperty, out var makeAsync) ? makeAsync : null);
        }

        functions.Apply(editor);
        return await AsyncSyntax.AddImportsAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }

    private static ExpressionSyntax? Awaited(ExpressionSyntax blocking, string kind)
    {
        var awaited = (kind, blocking) switch
        {
            ("Sleep", InvocationExpressionSyntax sleep) =>
                SyntaxFactory.InvocationExpression(AsyncSyntax.TaskMember("Delay"), sleep.ArgumentList),
            ("WaitAll", InvocationExpressionSyntax waitAll) =>
                SyntaxFactory.InvocationExpression(AsyncSyntax.TaskMember("WhenAll"), waitAll.ArgumentList),
            ("Wait", InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }) => access.Expression,
            ("Result", MemberAccessExpressionSyntax access) => access.Expression,
            ("GetResult", InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax getAwaiter } },
            }) => getAwaiter.Expression,
            ("SemaphoreWait", InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } wait) =>
                wait.WithExpression(access.WithName(SyntaxFactory.IdentifierName("WaitAsync"))),
            _ => null,
        };
        if (awaited is null)
        {
            return null;
        }

        ExpressionSyntax result = SyntaxFactory.AwaitExpression(awaited.WithoutTrivia());
        if (blocking.Parent is not (ExpressionStatementSyntax or EqualsValueClauseSyntax or ArgumentSyntax or ArrowExpressionClauseSyntax or
            AnonymousFunctionExpressionSyntax or ReturnStatementSyntax or AssignmentExpressionSyntax))
        {
            result = SyntaxFactory.ParenthesizedExpression(result).WithAdditionalAnnotations(Simplifier.Annotation);
        }

        return result.WithTriviaFrom(blocking).WithAdditionalAnnotations(Formatter.Annotation);
    }
}
