using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;

namespace WsAnalyzers.CodeFixes.Reconnect;

/// <summary>
/// WS1001 / WS1002 in a SignalR <c>HubConnection.Closed</c> lambda whose connection is built in the same type: adds
/// <c>.WithAutomaticReconnect()</c> to the builder (SignalR's default policy backs off and gives up) and removes the manual
/// restart (the whole subscription when the restart was all it did).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseWithAutomaticReconnectCodeFixProvider)), Shared]
public sealed class UseWithAutomaticReconnectCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS1001.UseWithAutomaticReconnect";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.ReconnectWithoutDelay, RuleIdentifiers.ReconnectWithoutBackoff);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is { } tree &&
        Target.Find(tree.Root, tree.Model, diagnostic, cancellationToken) is not null
            ? "Use WithAutomaticReconnect"
            : null;

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var targets = diagnostics.Select(d => Target.Find(root, model, d, cancellationToken)).Where(t => t is not null).Select(t => t!).ToList();
        var builds = targets.Select(t => t.Build).Distinct().ToList();
        var removals = targets.Select(t => t.Removal).Distinct().ToList();
        var newRoot = root.TrackNodes(builds.Cast<SyntaxNode>().Concat(removals));
        foreach (var removal in removals)
        {
            if (newRoot.GetCurrentNode(removal) is { } current)
            {
                newRoot = newRoot.RemoveNode(current, SyntaxRemoveOptions.KeepNoTrivia)!;
            }
        }

        foreach (var build in builds)
        {
            if (newRoot.GetCurrentNode(build) is { Expression: MemberAccessExpressionSyntax access } current && !HasAutomaticReconnect(access.Expression))
            {
                // Keeps the chain's layout: `.WithAutomaticReconnect()` takes the line break and indentation `.Build()` had.
                var inner = access.Expression;
                var withReconnect = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(
                            SyntaxKind.SimpleMemberAccessExpression,
                            inner,
                            access.OperatorToken,
                            SyntaxFactory.IdentifierName("WithAutomaticReconnect")))
                    .WithTrailingTrivia(inner.GetTrailingTrivia());
                newRoot = newRoot.ReplaceNode(current, current.WithExpression(access.WithExpression(withReconnect)));
            }
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static bool HasAutomaticReconnect(ExpressionSyntax chain) =>
        chain.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Any(a => a.Name.Identifier.ValueText == "WithAutomaticReconnect");

    private sealed class Target
    {
        private Target(InvocationExpressionSyntax build, StatementSyntax removal)
        {
            Build = build;
            Removal = removal;
        }

        /// <summary>The <c>.Build()</c> of the HubConnectionBuilder chain.</summary>
        public InvocationExpressionSyntax Build { get; }

        /// <summary>The manual restart statement, or the whole <c>Closed +=</c> statement when the restart is all the handler does.</summary>
        public StatementSyntax Removal { get; }

        public static Target? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.TryGetValue(ReconnectDiagnostics.SignalRClosedProperty, out var closed) || closed != "true" ||
                root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation ||
                invocation.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is not { } lambda ||
                lambda.Parent is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.AddAssignmentExpression, Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Closed" } closedEvent } subscription ||
                subscription.Parent is not ExpressionStatementSyntax subscriptionStatement ||
                model.GetSymbolInfo(closedEvent.Expression, cancellationToken).Symbol is not { } connection ||
                invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type ||
                FindBuild(model, type, connection, cancellationToken) is not { } build)
            {
                return null;
            }

            SyntaxNode node = invocation;
            while (node.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax ||
                   (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } && node.Parent.Parent is InvocationExpressionSyntax))
            {
                node = node.Parent is MemberAccessExpressionSyntax ? node.Parent.Parent! : node.Parent;
            }

            if (lambda.ExpressionBody == node)
            {
                return new Target(build, subscriptionStatement);
            }

            if (node.Parent is ExpressionStatementSyntax statement && statement.Parent is BlockSyntax block && block.Parent == lambda)
            {
                return new Target(build, block.Statements.Count == 1 ? subscriptionStatement : statement);
            }

            return null;
        }

        /// <summary>The <c>new HubConnectionBuilder()....Build()</c> stored into <paramref name="connection"/> in this type, when it is unique.</summary>
        private static InvocationExpressionSyntax? FindBuild(SemanticModel model, TypeDeclarationSyntax type, ISymbol connection, CancellationToken cancellationToken)
        {
            var found = new List<InvocationExpressionSyntax>();
            foreach (var build in type.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (build.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build" } access || !StartsWithNewBuilder(model, access.Expression, cancellationToken))
                {
                    continue;
                }

                var target = build.Parent switch
                {
                    EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => model.GetDeclaredSymbol(declarator, cancellationToken),
                    AssignmentExpressionSyntax assignment when assignment.Right == build => model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
                    _ => null,
                };
                if (SymbolEqualityComparer.Default.Equals(target, connection))
                {
                    found.Add(build);
                }
            }

            return found.Count == 1 ? found[0] : null;
        }

        private static bool StartsWithNewBuilder(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            while (true)
            {
                switch (expression)
                {
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }:
                        expression = access.Expression;
                        break;
                    case ObjectCreationExpressionSyntax creation:
                        return model.GetTypeInfo(creation, cancellationToken).Type?.ToDisplayString() == "Microsoft.AspNetCore.SignalR.Client.HubConnectionBuilder" &&
                               creation.Type is IdentifierNameSyntax;
                    default:
                        return false;
                }
            }
        }
    }
}
