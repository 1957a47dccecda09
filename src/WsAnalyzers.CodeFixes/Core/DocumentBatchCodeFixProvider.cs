using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace WsAnalyzers.CodeFixes.Core;

/// <summary>
/// Base of the fixers that rewrite a document for a batch of its diagnostics at once: the single fix and Fix All run
/// the same <see cref="FixDocumentAsync"/>, so members a fix adds to a type (a counter, a limit, an override) are
/// added once however many diagnostics the type has.
/// </summary>
public abstract class DocumentBatchCodeFixProvider : CodeFixProvider
{
    /// <summary>The stable equivalence key of the fix (Fix All and `dotnet format` group by it).</summary>
    protected abstract string FixEquivalenceKey { get; }

    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            await FixDocumentAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (await TitleAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false) is not { } title)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixDocumentAsync(context.Document, ImmutableArray.Create(diagnostic), ct), FixEquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The title of the fix for <paramref name="diagnostic"/>, or null when no safe fix exists for it.</summary>
    protected abstract Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>The syntax root and semantic model a title or a plan starts from; null when the document has neither.</summary>
    protected static async Task<(SyntaxNode Root, SemanticModel Model)?> RootAndModelAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is null || model is null ? null : (root, model);
    }

    /// <summary>Fixes every one of <paramref name="diagnostics"/> (all in <paramref name="document"/>) in one rewrite.</summary>
    protected abstract Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken);
}
