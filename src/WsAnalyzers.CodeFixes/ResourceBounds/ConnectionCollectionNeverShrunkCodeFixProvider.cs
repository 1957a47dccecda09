using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Core;
using WsAnalyzers.ResourceBounds;

namespace WsAnalyzers.CodeFixes.ResourceBounds;

/// <summary>WS2001: adds the missing removal where the connection ends (finally, the session a call starts,
/// OnDisconnectedAsync, OnClose) for every registration of the collection whose shape allows it. A ConcurrentBag, which
/// cannot remove a given connection, becomes a ConcurrentDictionary used as a set first.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConnectionCollectionNeverShrunkCodeFixProvider)), Shared]
public sealed class ConnectionCollectionNeverShrunkCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS2001.RemoveWhenTheConnectionEnds";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ConnectionCollectionNeverShrunk);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var (_, plans) = await PlansAsync(document, ImmutableArray.Create(diagnostic), cancellationToken).ConfigureAwait(false);
        return plans.Count == 0 ? null : "Remove the connection when it ends";
    }

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var (prepared, plans) = await PlansAsync(document, diagnostics, cancellationToken).ConfigureAwait(false);
        return plans.Count == 0 ? document : await ConnectionRemovalEdits.ApplyAsync(prepared, plans, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The document with its ConcurrentBags changed into dictionaries, and the removal plans on it.</summary>
    private static async Task<(Document Prepared, List<ConnectionRemovalEdits.Plan> Plans)> PlansAsync(
        Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var plans = new List<ConnectionRemovalEdits.Plan>();
        if (await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is not var (root, model))
        {
            return (document, plans);
        }

        // The adds to plan for (found again by annotation after the bags change) and the bags to change.
        var adds = new Dictionary<SyntaxNode, (SyntaxAnnotation Marker, RegistrationShape Shape)>();
        var bags = new List<SyntaxAnnotation>();
        var bagDeclarators = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ConnectionCollectionNeverShrunkRule.ShapesProperty, out var shapes) || shapes is null)
            {
                continue;
            }

            var declarator = root.FindNode(diagnostic.Location.SourceSpan);
            if (model.GetDeclaredSymbol(declarator, cancellationToken) is IFieldSymbol field && BagToDictionary.IsBag(field.Type))
            {
                if (!await BagToDictionary.CanChangeAsync(document, field, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                var bag = new SyntaxAnnotation();
                bags.Add(bag);
                bagDeclarators[declarator] = bag;
            }

            var kinds = shapes.Split(';');
            for (var i = 0; i < diagnostic.AdditionalLocations.Count && i < kinds.Length; i++)
            {
                var location = diagnostic.AdditionalLocations[i];
                if (location.SourceTree == root.SyntaxTree && System.Enum.TryParse<RegistrationShape>(kinds[i], out var shape) &&
                    root.FindNode(location.SourceSpan, getInnermostNodeForTie: true)?.FirstAncestorOrSelf<ExpressionSyntax>(
                        e => e is InvocationExpressionSyntax or AssignmentExpressionSyntax) is { } add &&
                    add.Span == location.SourceSpan)
                {
                    adds[add] = (new SyntaxAnnotation(BagToDictionary.AddAnnotationKind), shape);
                }
            }
        }

        if (adds.Count == 0)
        {
            return (document, plans);
        }

        var marked = root.ReplaceNodes(
            adds.Keys.Concat(bagDeclarators.Keys),
            (original, rewritten) => adds.TryGetValue(original, out var add)
                ? rewritten.WithAdditionalAnnotations(add.Marker)
                : rewritten.WithAdditionalAnnotations(bagDeclarators[original]));
        var prepared = document.WithSyntaxRoot(marked);
        foreach (var bag in bags)
        {
            var preparedRoot = await prepared.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var preparedModel = await prepared.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (preparedRoot?.GetAnnotatedNodes(bag).FirstOrDefault() is { } declarator &&
                preparedModel?.GetDeclaredSymbol(declarator, cancellationToken) is IFieldSymbol field)
            {
                prepared = await BagToDictionary.ChangeAsync(prepared, field, cancellationToken).ConfigureAwait(false);
            }
        }

        if (await RootAndModelAsync(prepared, cancellationToken).ConfigureAwait(false) is not var (finalRoot, finalModel))
        {
            return (document, plans);
        }

        foreach (var (marker, shape) in adds.Values)
        {
            if (finalRoot.GetAnnotatedNodes(marker).FirstOrDefault() is { } add &&
                ConnectionRemovalEdits.CreatePlan(
                    finalRoot, finalModel, Location.Create(finalRoot.SyntaxTree, add.Span), shape, Enumerable.Empty<Location>(), cancellationToken) is { } plan)
            {
                plans.Add(plan);
            }
        }

        return (prepared, plans);
    }
}
