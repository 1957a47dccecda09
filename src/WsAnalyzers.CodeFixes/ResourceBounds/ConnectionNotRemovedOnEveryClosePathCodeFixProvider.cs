using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Core;
using WsAnalyzers.ResourceBounds;

namespace WsAnalyzers.CodeFixes.ResourceBounds;

/// <summary>WS2003: moves the removal into a finally around the connection's lifetime (ASP.NET Core handlers), or adds it
/// to OnDisconnectedAsync (Hubs), OnClose (websocket-sharp behaviors, Fleck connections), OnDisconnected (ASP.NET SignalR 2)
/// or OnClientDisconnectedAsync (EmbedIO).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConnectionNotRemovedOnEveryClosePathCodeFixProvider)), Shared]
public sealed class ConnectionNotRemovedOnEveryClosePathCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS2003.RemoveOnEveryClosePath";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ConnectionNotRemovedOnEveryClosePath);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var plans = await PlansAsync(document, ImmutableArray.Create(diagnostic), cancellationToken).ConfigureAwait(false);
        if (plans.Count == 0)
        {
            return null;
        }

        return plans[0].Shape switch
        {
            RegistrationShape.Function => "Remove the connection in a finally block",
            RegistrationShape.Hub => "Remove the connection in OnDisconnectedAsync",
            RegistrationShape.AspNetHub => "Remove the connection in OnDisconnected",
            RegistrationShape.EmbedIO => "Remove the connection in OnClientDisconnectedAsync",
            _ => "Remove the connection in OnClose",
        };
    }

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
            if (diagnostic.Properties.TryGetValue(ConnectionNotRemovedOnEveryClosePathRule.ShapeProperty, out var kind) &&
                System.Enum.TryParse<RegistrationShape>(kind, out var shape) &&
                ConnectionRemovalEdits.CreatePlan(root, model, diagnostic.Location, shape, diagnostic.AdditionalLocations, cancellationToken) is { } plan)
            {
                plans.Add(plan);
            }
        }

        return plans;
    }
}
