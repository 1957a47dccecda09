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
using WsAnalyzers.Core;

namespace WsAnalyzers.CodeFixes.Reconnect;

/// <summary>
/// WS1001 / WS1002: waits for an exponential backoff with full jitter before the reconnect and resets the attempt counter
/// after it. Adds to the type, once: an attempt counter field, a Random for the jitter and a ReconnectDelay method
/// (plain C# 7.3 and .NET Standard 2.0 APIs, so it compiles in any project). WS1002's weak wait is removed when it is a
/// statement of the same function.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReconnectBackoffCodeFixProvider)), Shared]
public sealed class ReconnectBackoffCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS1001.InsertBackoffWithJitter";

    internal const string Counter = "_reconnectAttempts";
    internal const string Jitter = "ReconnectJitter";
    internal const string DelayMethod = "ReconnectDelay";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.ReconnectWithoutDelay, RuleIdentifiers.ReconnectWithoutBackoff);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is { } tree &&
        ReconnectBackoffTarget.Find(tree.Root, tree.Model, diagnostic, cancellationToken) is not null
            ? "Wait with exponential backoff and jitter before reconnecting"
            : null;

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var targets = diagnostics
            .Select(d => ReconnectBackoffTarget.Find(root, model, d, cancellationToken))
            .Where(t => t is not null)
            .Select(t => t!)
            .GroupBy(t => t.Expression)
            .Select(g => g.First())
            .ToList();
        if (targets.Count == 0)
        {
            return document;
        }

        var tracked = new List<SyntaxNode>();
        foreach (var target in targets)
        {
            tracked.Add(target.Expression);
            tracked.Add(target.Type);
            tracked.AddRange(target.WeakDelays);
        }

        var newLine = NewLine(root);
        var newRoot = root.TrackNodes(tracked);
        foreach (var target in targets)
        {
            foreach (var delay in target.WeakDelays)
            {
                if (newRoot.GetCurrentNode(delay) is { } current)
                {
                    newRoot = newRoot.RemoveNode(current, SyntaxRemoveOptions.KeepNoTrivia)!;
                }
            }

            if (newRoot.GetCurrentNode(target.Expression) is { } expression)
            {
                newRoot = target.Rewrite(newRoot, expression, model, newLine);
            }
        }

        foreach (var group in targets.GroupBy(t => t.Type))
        {
            if (newRoot.GetCurrentNode(group.Key) is { } type)
            {
                newRoot = newRoot.ReplaceNode(type, AddMembers(type, group.First(), model, group.Key.OpenBraceToken.Span.End, newLine));
            }
        }

        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>The type's simple name when it binds to the BCL type at <paramref name="position"/>, else its global:: name.</summary>
    internal static string TypeName(SemanticModel model, int position, string ns, string name)
    {
        var found = model.LookupNamespacesAndTypes(position, name: name).Where(s => s is not INamedTypeSymbol { Arity: > 0 }).ToList();
        return found.Count == 1 && found[0].ToDisplayString() == ns + "." + name ? name : "global::" + ns + "." + name;
    }

    private static SyntaxTrivia NewLine(SyntaxNode root)
    {
        var existing = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return existing.IsKind(SyntaxKind.EndOfLineTrivia) ? existing : SyntaxFactory.ElasticCarriageReturnLineFeed;
    }

    private static TypeDeclarationSyntax AddMembers(TypeDeclarationSyntax type, ReconnectBackoffTarget target, SemanticModel model, int position, SyntaxTrivia newLine)
    {
        var random = TypeName(model, position, "System", "Random");
        var math = TypeName(model, position, "System", "Math");
        var timeSpan = TypeName(model, position, "System", "TimeSpan");
        var staticModifier = target.IsStatic ? "static " : string.Empty;
        var eol = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine.ToFullString() : "\n";
        var fields = new List<MemberDeclarationSyntax>();
        if (!target.HasCounter)
        {
            fields.Add(SyntaxFactory.ParseMemberDeclaration($"private {staticModifier}int {Counter};" + eol)!);
        }

        if (!target.HasHelper)
        {
            fields.Add(SyntaxFactory.ParseMemberDeclaration($"private static readonly {random} {Jitter} = new {random}();" + eol)!);
        }

        var members = type.Members;
        var lastField = members.LastOrDefault(m => m is FieldDeclarationSyntax);
        var index = lastField is null ? 0 : members.IndexOf(lastField) + 1;
        members = members.InsertRange(index, fields.Select(Annotate));
        if (!target.HasHelper)
        {
            var method = SyntaxFactory.ParseMemberDeclaration($$"""
                /// <summary>Exponential backoff with full jitter: a random delay between zero and 1 s, 2 s, 4 s, ... capped at 30 s.</summary>
                private static {{timeSpan}} {{DelayMethod}}(int attempt)
                {
                    var ceiling = {{math}}.Min(30000, 1000 * {{math}}.Pow(2, {{math}}.Min(attempt, 16)));
                    double jitter;
                    lock ({{Jitter}})
                    {
                        jitter = {{Jitter}}.NextDouble();
                    }

                    return {{timeSpan}}.FromMilliseconds(jitter * ceiling);
                }

                """.Replace("\r\n", "\n").Replace("\n", eol))!;
            members = members.Add(Annotate(method.WithLeadingTrivia(method.GetLeadingTrivia().Insert(0, newLine))));
        }

        return type.WithMembers(members);
    }

    private static MemberDeclarationSyntax Annotate(MemberDeclarationSyntax member) =>
        member.WithAdditionalAnnotations(Formatter.Annotation);
}
