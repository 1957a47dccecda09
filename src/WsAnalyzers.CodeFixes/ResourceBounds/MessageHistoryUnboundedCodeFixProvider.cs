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

namespace WsAnalyzers.CodeFixes.ResourceBounds;

/// <summary>
/// WS2002: caps the history right after every append (drop the oldest entries past a limit: RemoveRange, Dequeue,
/// TryDequeue, RemoveFirst or StringBuilder.Remove), with the limit as a named constant added to the type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MessageHistoryUnboundedCodeFixProvider)), Shared]
public sealed class MessageHistoryUnboundedCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS2002.CapAfterAppend";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MessageHistoryUnbounded);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        (await PlansAsync(document, ImmutableArray.Create(diagnostic), cancellationToken).ConfigureAwait(false)).Count == 0
            ? null
            : "Cap the history after each append";

    private sealed class Plan
    {
        public Plan(MemberDeclarationSyntax declaration, string kind, List<(ExpressionStatementSyntax Statement, ExpressionSyntax Receiver, SyntaxAnnotation Marker)> appends, string name)
        {
            Declaration = declaration;
            Kind = kind;
            Appends = appends;
            Name = name;
        }

        public MemberDeclarationSyntax Declaration { get; }
        public string Kind { get; }
        public List<(ExpressionStatementSyntax Statement, ExpressionSyntax Receiver, SyntaxAnnotation Marker)> Appends { get; }
        public string Name { get; }
        public SyntaxAnnotation Marker { get; } = new();
    }

    private static async Task<List<Plan>> PlansAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var plans = new List<Plan>();
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return plans;
        }

        foreach (var diagnostic in diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan);
            var declaration = node.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is FieldDeclarationSyntax or PropertyDeclarationSyntax);
            var symbol = node is VariableDeclaratorSyntax or PropertyDeclarationSyntax ? model.GetDeclaredSymbol(node, cancellationToken) : null;
            var type = symbol switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (declaration?.Parent is not TypeDeclarationSyntax container || type is null || KindOf(type) is not { } kind ||
                declaration is FieldDeclarationSyntax { Declaration.Variables.Count: > 1 })
            {
                continue;
            }

            var appends = new List<(ExpressionStatementSyntax, ExpressionSyntax, SyntaxAnnotation)>();
            foreach (var location in diagnostic.AdditionalLocations)
            {
                if (location.SourceTree == root.SyntaxTree &&
                    root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax
                    {
                        Expression: MemberAccessExpressionSyntax { Expression: var receiver },
                        Parent: ExpressionStatementSyntax { Parent: BlockSyntax } statement,
                    } &&
                    container.Span.Contains(statement.Span) && IsStable(receiver))
                {
                    appends.Add((statement, receiver, new SyntaxAnnotation()));
                }
            }

            if (appends.Count > 0)
            {
                plans.Add(new Plan(declaration, kind, appends, UniqueName(container, symbol!.Name, kind)));
            }
        }

        return plans;
    }

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var plans = await PlansAsync(document, diagnostics, cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || plans.Count == 0)
        {
            return document;
        }

        var markers = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
        foreach (var plan in plans)
        {
            Mark(markers, plan.Declaration, plan.Marker);
            foreach (var (statement, _, marker) in plan.Appends)
            {
                Mark(markers, statement, marker);
            }
        }

        root = root.ReplaceNodes(markers.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(markers[original]));
        foreach (var plan in plans)
        {
            foreach (var (_, receiver, marker) in plan.Appends)
            {
                var statement = root.GetAnnotatedNodes(marker).OfType<ExpressionStatementSyntax>().FirstOrDefault();
                if (statement?.Parent is not BlockSyntax block)
                {
                    continue;
                }

                var cap = SyntaxFactory.ParseStatement(CapText(plan.Kind, receiver.WithoutTrivia().ToString(), plan.Name))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                root = root.ReplaceNode(block, block.WithStatements(block.Statements.Insert(block.Statements.IndexOf(statement) + 1, cap)));
            }

            if (root.GetAnnotatedNodes(plan.Marker).OfType<MemberDeclarationSyntax>().FirstOrDefault() is { Parent: TypeDeclarationSyntax type } declaration)
            {
                var value = plan.Kind == "StringBuilder" ? "1024 * 1024" : "1000";
                var constant = SyntaxFactory.ParseMemberDeclaration($"private const int {plan.Name} = {value};\n")!
                    .WithLeadingTrivia(declaration.GetLeadingTrivia())
                    .WithAdditionalAnnotations(Formatter.Annotation);
                root = root.ReplaceNode(type, type.WithMembers(type.Members.Insert(type.Members.IndexOf(declaration), constant)));
            }
        }

        return document.WithSyntaxRoot(root);
    }

    private static void Mark(Dictionary<SyntaxNode, List<SyntaxAnnotation>> markers, SyntaxNode node, SyntaxAnnotation marker)
    {
        if (!markers.TryGetValue(node, out var list))
        {
            markers[node] = list = new List<SyntaxAnnotation>();
        }

        list.Add(marker);
    }

    private static string CapText(string kind, string history, string limit) => kind switch
    {
        "List" => $"if ({history}.Count > {limit})\n{{\n{history}.RemoveRange(0, {history}.Count - {limit});\n}}\n",
        "Queue" => $"while ({history}.Count > {limit})\n{{\n{history}.Dequeue();\n}}\n",
        "ConcurrentQueue" => $"while ({history}.Count > {limit})\n{{\n{history}.TryDequeue(out _);\n}}\n",
        "LinkedList" => $"while ({history}.Count > {limit})\n{{\n{history}.RemoveFirst();\n}}\n",
        _ => $"if ({history}.Length > {limit})\n{{\n{history}.Remove(0, {history}.Length - {limit});\n}}\n",
    };

    private static string? KindOf(ITypeSymbol type)
    {
        var ns = type.OriginalDefinition.ContainingNamespace?.ToDisplayString();
        return (ns, type.OriginalDefinition.MetadataName) switch
        {
            ("System.Collections.Generic", "List`1") => "List",
            ("System.Collections.Generic", "Queue`1") => "Queue",
            ("System.Collections.Generic", "LinkedList`1") => "LinkedList",
            ("System.Collections.Concurrent", "ConcurrentQueue`1") => "ConcurrentQueue",
            ("System.Text", "StringBuilder") => "StringBuilder",
            _ => null,
        };
    }

    /// <summary><c>_history</c> → <c>MaxHistoryCount</c>; a StringBuilder <c>Log</c> → <c>MaxLogLength</c>.</summary>
    private static string UniqueName(TypeDeclarationSyntax type, string field, string kind)
    {
        var trimmed = field.TrimStart('_');
        if (trimmed.StartsWith("s_", System.StringComparison.Ordinal) || trimmed.StartsWith("m_", System.StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(2);
        }

        var stem = "Max" + (trimmed.Length == 0 ? "History" : char.ToUpperInvariant(trimmed[0]) + trimmed.Substring(1)) +
                   (kind == "StringBuilder" ? "Length" : "Count");
        var existing = new HashSet<string>(type.Members.SelectMany(Names));
        var name = stem;
        for (var i = 2; existing.Contains(name); i++)
        {
            name = stem + i;
        }

        return name;
    }

    private static IEnumerable<string> Names(MemberDeclarationSyntax member) => member switch
    {
        BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText),
        PropertyDeclarationSyntax property => new[] { property.Identifier.ValueText },
        MethodDeclarationSyntax method => new[] { method.Identifier.ValueText },
        BaseTypeDeclarationSyntax nested => new[] { nested.Identifier.ValueText },
        _ => Enumerable.Empty<string>(),
    };

    private static bool IsStable(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsStable(access.Expression),
        _ => false,
    };
}
