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
                var timeSpan = TypeName(model, target.SpanStart, "System", "TimeSpan");
                targets[target] = target switch
                {
                    InvocationExpressionSyntax middleware => WithNewOptions(middleware, TypeName(model, target.SpanStart, "Microsoft.AspNetCore.Builder", "WebSocketOptions"), timeSpan),
                    BaseObjectCreationExpressionSyntax creation => WithTimeout(creation, IsClientSocket(model, creation, cancellationToken), timeSpan),
                    _ => target,
                };
            }
        }

        var fixedRoot = root.ReplaceNodes(targets.Keys, (original, _) => targets[original]);
        return await Formatter.FormatAsync(document.WithSyntaxRoot(fixedRoot), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The type's simple name where it is in scope, its global name otherwise.</summary>
    private static string TypeName(SemanticModel model, int position, string @namespace, string name)
    {
        var found = model.LookupNamespacesAndTypes(position, name: name);
        return found.Length == 1 && found[0].ToDisplayString() == @namespace + "." + name ? name : "global::" + @namespace + "." + name;
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

    private static InvocationExpressionSyntax WithNewOptions(InvocationExpressionSyntax middleware, string options, string timeSpan)
    {
        var argument = SyntaxFactory.ParseExpression($"new {options} {{ KeepAliveTimeout = {timeSpan}.FromSeconds({Seconds}) }}")
            .WithAdditionalAnnotations(Formatter.Annotation);
        return middleware.WithArgumentList(middleware.ArgumentList.AddArguments(SyntaxFactory.Argument(argument)));
    }

    private static BaseObjectCreationExpressionSyntax WithTimeout(BaseObjectCreationExpressionSyntax creation, bool clientSocket, string timeSpan)
    {
        var timeout = Assignment("KeepAliveTimeout", SyntaxFactory.ParseExpression($"{timeSpan}.FromSeconds({Seconds})"));
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

        var trailing = creation.GetTrailingTrivia();
        return creation.WithoutTrailingTrivia().WithInitializer(initializer).WithTrailingTrivia(trailing).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static AssignmentExpressionSyntax Assignment(string name, ExpressionSyntax value) =>
        SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(name), value);
}
