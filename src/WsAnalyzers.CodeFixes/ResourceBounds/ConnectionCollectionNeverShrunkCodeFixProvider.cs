using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Core;
using WsAnalyzers.ResourceBounds;

namespace WsAnalyzers.CodeFixes.ResourceBounds;

/// <summary>WS2001: adds the missing removal where the connection ends (finally, OnDisconnectedAsync, OnClose) for every
/// registration of the collection whose shape allows it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConnectionCollectionNeverShrunkCodeFixProvider)), Shared]
public sealed class ConnectionCollectionNeverShrunkCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS2001.RemoveWhenTheConnectionEnds";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ConnectionCollectionNeverShrunk);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        (await PlansAsync(document, ImmutableArray.Create(diagnostic), cancellationToken).ConfigureAwait(false)).Count == 0
            ? null
            : "Remove the connection when it ends";

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var plans = await PlansAsync(document, diagnostics, cancellationToken).ConfigureAwait(false);
        return await ConnectionRemovalEdits.ApplyAsync(document, plans, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<ConnectionRemovalEdits.Plan>> PlansAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var plans = new List<ConnectionRemovalEdits.Plan>();
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return plans;
        }

        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ConnectionCollectionNeverShrunkRule.ShapesProperty, out var shapes) || shapes is null)
            {
                continue;
            }

            var kinds = shapes.Split(';');
            for (var i = 0; i < diagnostic.AdditionalLocations.Count && i < kinds.Length; i++)
            {
                var location = diagnostic.AdditionalLocations[i];
                if (location.SourceTree == root.SyntaxTree &&
                    System.Enum.TryParse<RegistrationShape>(kinds[i], out var shape) &&
                    ConnectionRemovalEdits.CreatePlan(root, model, location, shape, Enumerable.Empty<Location>(), cancellationToken) is { } plan)
                {
                    plans.Add(plan);
                }
            }
        }

        return plans;
    }
}
