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
/// statement of the same function. For WS1002 on a SignalR IRetryPolicy, the returned delay becomes
/// <c>ReconnectDelay(retryContext.PreviousRetryCount)</c> (no counter: the context counts the attempts).
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

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is not { } tree)
        {
            return null;
        }

        if (ReconnectBackoffTarget.Find(tree.Root, tree.Model, diagnostic, cancellationToken) is not null)
        {
            return "Wait with exponential backoff and jitter before reconnecting";
        }

        return RetryPolicyTarget.Find(tree.Root, tree.Model, diagnostic, cancellationToken) is not null
            ? "Return an exponential backoff with jitter"
            : null;
    }

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
        var policies = diagnostics
            .Select(d => RetryPolicyTarget.Find(root, model, d, cancellationToken))
            .Where(t => t is not null)
            .Select(t => t!)
            .GroupBy(t => t.Method)
            .Select(g => g.First())
            .ToList();
        if (targets.Count == 0 && policies.Count == 0)
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

        foreach (var policy in policies)
        {
            tracked.Add(policy.Method);
            tracked.Add(policy.Type);
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

        foreach (var policy in policies)
        {
            if (newRoot.GetCurrentNode(policy.Method) is { } method)
            {
                newRoot = policy.Rewrite(newRoot, method, model);
            }
        }

        var types = targets.Select(t => t.Type).Concat(policies.Select(p => p.Type)).Distinct();
        foreach (var declaration in types)
        {
            var ofType = targets.Where(t => t.Type == declaration).ToList();
            var counter = ofType.Count > 0 && !ofType[0].HasCounter ? (bool?)ofType.Any(t => t.IsStatic) : null;
            var helper = !(ofType.Count > 0 ? ofType[0].HasHelper : policies.First(p => p.Type == declaration).HasHelper);
            if (newRoot.GetCurrentNode(declaration) is { } type)
            {
                newRoot = newRoot.ReplaceNode(type, AddMembers(type, counter, helper, model, declaration.OpenBraceToken.Span.End, newLine));
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

    /// <summary>Adds the attempt counter (static when <paramref name="counter"/> is true, none when it is null) and, when
    /// <paramref name="helper"/>, the jitter source and the ReconnectDelay method.</summary>
    private static TypeDeclarationSyntax AddMembers(TypeDeclarationSyntax type, bool? counter, bool helper, SemanticModel model, int position, SyntaxTrivia newLine)
    {
        var random = TypeName(model, position, "System", "Random");
        var math = TypeName(model, position, "System", "Math");
        var timeSpan = TypeName(model, position, "System", "TimeSpan");
        var staticModifier = counter == true ? "static " : string.Empty;
        var eol = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine.ToFullString() : "\n";
        var fields = new List<MemberDeclarationSyntax>();
        if (counter is not null)
        {
            fields.Add(SyntaxFactory.ParseMemberDeclaration($"private {staticModifier}int {Counter};" + eol)!);
        }

        if (helper)
        {
            fields.Add(SyntaxFactory.ParseMemberDeclaration($"private static readonly {random} {Jitter} = new {random}();" + eol)!);
        }

        var members = type.Members;
        var lastField = members.LastOrDefault(m => m is FieldDeclarationSyntax);
        var index = lastField is null ? 0 : members.IndexOf(lastField) + 1;
        if (lastField is null && fields.Count > 0 && members.Count > 0)
        {
            // No field to follow: the new fields come first, apart from the members after them.
            fields[fields.Count - 1] = fields[fields.Count - 1].WithTrailingTrivia(fields[fields.Count - 1].GetTrailingTrivia().Add(newLine));
        }

        members = members.InsertRange(index, fields.Select(Annotate));
        if (helper)
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
