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
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using WsAnalyzers.Core;
using WsAnalyzers.MessageHandlers;

namespace WsAnalyzers.CodeFixes.MessageHandlers;

/// <summary>WS4002: replaces the blocking call with an await (Thread.Sleep → await Task.Delay, .Result → await, Wait() →
/// await, WaitAll → await Task.WhenAll, SemaphoreSlim.Wait → await WaitAsync), making an event-handler lambda async, or a
/// SignalR hub method that nothing calls directly async Task.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingCallInHandlerCodeFixProvider)), Shared]
public sealed class BlockingCallInHandlerCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "WS4002.AwaitInsteadOfBlocking";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BlockingCallInHandler);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.ContainsKey(BlockingCallInHandlerRule.FixProperty) &&
                await CanFixAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Await instead of blocking",
                        ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>A hub method may only change its return type to a Task when no code calls it directly (SignalR calls it by name).</summary>
    private static async Task<bool> CanFixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(BlockingCallInHandlerRule.MakeAsyncProperty, out var makeAsync) ||
            makeAsync != BlockingCallInHandlerRule.HubMethodValue)
        {
            return true;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } declaration ||
            model?.GetDeclaredSymbol(declaration, cancellationToken) is not { } method)
        {
            return false;
        }

        var references = await SymbolFinder.FindReferencesAsync(method, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        return references.All(r => !r.Locations.Any());
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var lambdas = new HashSet<AnonymousFunctionExpressionSyntax>();
        var methods = new HashSet<MethodDeclarationSyntax>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Length))
        {
            if (!diagnostic.Properties.TryGetValue(BlockingCallInHandlerRule.FixProperty, out var kind) ||
                root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node ||
                !await CanFixAsync(document, diagnostic, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            editor.ReplaceNode(node, (current, _) => Awaited((ExpressionSyntax)current, kind!) ?? current);
            diagnostic.Properties.TryGetValue(BlockingCallInHandlerRule.MakeAsyncProperty, out var makeAsync);
            if (makeAsync == BlockingCallInHandlerRule.HubMethodValue && node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
            {
                methods.Add(method);
            }
            else if (makeAsync is not null && node.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is { } lambda)
            {
                lambdas.Add(lambda);
            }
        }

        foreach (var lambda in lambdas)
        {
            editor.ReplaceNode(lambda, (current, _) => AsyncSyntax.MakeAsync((AnonymousFunctionExpressionSyntax)current));
        }

        foreach (var method in methods)
        {
            editor.ReplaceNode(method, (current, _) => AsyncSyntax.MakeAsyncTask((MethodDeclarationSyntax)current));
        }

        return editor.GetChangedDocument();
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
