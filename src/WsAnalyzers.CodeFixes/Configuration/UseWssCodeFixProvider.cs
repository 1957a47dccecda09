using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Core;

namespace WsAnalyzers.CodeFixes.Configuration;

/// <summary>WS6002: turns the literal's <c>ws://</c> into <c>wss://</c>; host, port, path and query stay as written.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseWssCodeFixProvider)), Shared]
public sealed class UseWssCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS6002.UseWss";

    private const string Plain = "ws://";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnencryptedEndpoint);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && Literal(root, diagnostic) is { } literal && Rewritten(literal) is not null ? "Use wss://" : null;
    }

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (Literal(root, diagnostic) is { } literal && !replacements.ContainsKey(literal) && Rewritten(literal) is { } rewritten)
            {
                replacements[literal] = rewritten;
            }
        }

        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }

    private static ExpressionSyntax? Literal(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal,
            InterpolatedStringExpressionSyntax interpolated => interpolated,
            ArgumentSyntax { Expression: LiteralExpressionSyntax or InterpolatedStringExpressionSyntax } argument => argument.Expression,
            _ => null,
        };

    /// <summary>The expression with its first <c>ws://</c> (the start of its value: prefixes and quotes hold no letters
    /// of it) replaced, parsed back; null when that does not give the same kind of expression.</summary>
    private static ExpressionSyntax? Rewritten(ExpressionSyntax literal)
    {
        var text = literal.WithoutTrivia().ToFullString();
        var index = text.IndexOf(Plain, StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return null;
        }

        var parsed = SyntaxFactory.ParseExpression(text.Substring(0, index) + "wss://" + text.Substring(index + Plain.Length));
        return parsed.Kind() == literal.Kind() && !parsed.ContainsDiagnostics ? parsed.WithTriviaFrom(literal) : null;
    }
}
