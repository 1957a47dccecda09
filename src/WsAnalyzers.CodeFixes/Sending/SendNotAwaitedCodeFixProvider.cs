using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Core;

namespace WsAnalyzers.CodeFixes.Sending;

/// <summary>
/// WS3003: awaits a dropped send where that is enough (<c>ws.SendAsync(...);</c> or <c>_ = ws.SendAsync(...);</c> in an
/// async function, repeated in a loop or next to other plain sends); otherwise serialises every send on the socket with
/// one SemaphoreSlim (<see cref="SendSerialisationPlan"/>): a timer, event, Task.Run or handed-out callback that sends
/// while the rest of the code sends too, or a method started again without await while it sends.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SendNotAwaitedCodeFixProvider)), Shared]
public sealed class SendNotAwaitedCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS3003.AwaitOrSerialiseTheSends";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SendNotAwaited);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is { } context
            ? SendSerialisationPlan.Create(context.Root, context.Model, [diagnostic], cancellationToken).Title
            : null;

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        SendSerialisationPlan.Create(editor.OriginalRoot, editor.SemanticModel, diagnostics, cancellationToken).Apply(editor);
        return editor.GetChangedDocument();
    }
}
