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
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Configuration;
using WsAnalyzers.Core;

namespace WsAnalyzers.CodeFixes.Configuration;

/// <summary>
/// WS6001: sets a keep-alive timeout of <see cref="Seconds"/> seconds where the options are made: in the initializer of
/// the WebSocketOptions, WebSocketAcceptContext or ClientWebSocket (<c>Options = { KeepAliveTimeout = ... }</c>), or, for
/// a <c>UseWebSockets()</c> that takes its options from nowhere, in a new WebSocketOptions passed to it. The keep-alive
/// interval stays what it was: the timeout makes its pings expect an answer.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepAliveTimeoutCodeFixProvider)), Shared]
public sealed class KeepAliveTimeoutCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS6001.SetKeepAliveTimeout";

    /// <summary>How long a ping may go unanswered before the connection is aborted.</summary>
    public const int Seconds = 30;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.NoKeepAliveTimeout);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && Target(root, diagnostic) is not null ? $"Set a keep-alive timeout of {Seconds} seconds" : null;
    }

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is not var (root, model))
        {
            return document;
        }

        var targets = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (Target(root, diagnostic) is { } target && !targets.ContainsKey(target))
            {
                targets[target] = target switch
                {
                    InvocationExpressionSyntax middleware => WithNewOptions(middleware),
                    BaseObjectCreationExpressionSyntax creation => WithTimeout(creation, IsClientSocket(model, creation, cancellationToken)),
                    _ => target,
                };
            }
        }

        var fixedRoot = root.ReplaceNodes(targets.Keys, (original, _) => targets[original]);
        var fixedDocument = document.WithSyntaxRoot(fixedRoot);
        fixedDocument = await Simplifier.ReduceAsync(fixedDocument, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(fixedDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The UseWebSockets call that gets options, or the object creation that gets the timeout; null without a safe fix.</summary>
    private static SyntaxNode? Target(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(NoKeepAliveTimeoutRule.FixProperty, out var fix))
        {
            return null;
        }

        if (fix == NoKeepAliveTimeoutRule.AddOptions)
        {
            return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
        }

        var location = diagnostic.AdditionalLocations.Count > 0 ? diagnostic.AdditionalLocations[0] : diagnostic.Location;
        return location.SourceTree == root.SyntaxTree
            ? root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>()
            : null;
    }

    private static bool IsClientSocket(SemanticModel model, BaseObjectCreationExpressionSyntax creation, CancellationToken cancellationToken) =>
        model.GetTypeInfo(creation, cancellationToken).Type?.ToDisplayString() == "System.Net.WebSockets.ClientWebSocket";

    private static InvocationExpressionSyntax WithNewOptions(InvocationExpressionSyntax middleware)
    {
        var options = SyntaxFactory.ParseExpression(
                $"new global::Microsoft.AspNetCore.Builder.WebSocketOptions {{ KeepAliveTimeout = global::System.TimeSpan.FromSeconds({Seconds}) }}")
            .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        return middleware.WithArgumentList(middleware.ArgumentList.AddArguments(SyntaxFactory.Argument(options)));
    }

    private static BaseObjectCreationExpressionSyntax WithTimeout(BaseObjectCreationExpressionSyntax creation, bool clientSocket)
    {
        var timeout = Assignment("KeepAliveTimeout", SyntaxFactory.ParseExpression($"global::System.TimeSpan.FromSeconds({Seconds})")
            .WithAdditionalAnnotations(Simplifier.Annotation));
        var initializer = creation.Initializer ?? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression);
        if (!clientSocket)
        {
            initializer = initializer.AddExpressions(timeout);
        }
        else if (initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                     .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "Options" } && a.Right is InitializerExpressionSyntax) is { } options)
        {
            var nested = (InitializerExpressionSyntax)options.Right;
            initializer = initializer.ReplaceNode(options, options.WithRight(nested.AddExpressions(timeout)));
        }
        else
        {
            var nested = SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(timeout));
            initializer = initializer.AddExpressions(Assignment("Options", nested));
        }

        if (creation is ObjectCreationExpressionSyntax { ArgumentList: null } explicitCreation)
        {
            creation = explicitCreation.WithType(explicitCreation.Type.WithoutTrailingTrivia()).WithArgumentList(SyntaxFactory.ArgumentList());
        }

        var trailing = creation.GetTrailingTrivia();
        return creation.WithoutTrailingTrivia().WithInitializer(initializer).WithTrailingTrivia(trailing).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static AssignmentExpressionSyntax Assignment(string name, ExpressionSyntax value) =>
        SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(name), value);
}
