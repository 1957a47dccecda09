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
/// TryDequeue, RemoveFirst or StringBuilder.Remove), with the limit as a named constant: a member of the declaring type,
/// or a local constant before the history's declaration in top-level statements. An append that is an expression body
/// (<c>m =&gt; history.Add(m)</c>, <c>void Post(string m) =&gt; History.Enqueue(m);</c>) or the embedded statement of a lock
/// or an if gets a block first.
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
        public Plan(SyntaxNode declaration, string kind, List<(InvocationExpressionSyntax Append, string Receiver, SyntaxAnnotation Marker)> appends, string name)
        {
            Declaration = declaration;
            Kind = kind;
            Appends = appends;
            Name = name;
        }

        /// <summary>The field or property declaration, or (top-level statements) the local declaration statement.</summary>
        public SyntaxNode Declaration { get; }
        public string Kind { get; }
        public List<(InvocationExpressionSyntax Append, string Receiver, SyntaxAnnotation Marker)> Appends { get; }
        public string Name { get; }
        public SyntaxAnnotation Marker { get; } = new();
    }

    private static async Task<List<Plan>> PlansAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var plans = new List<Plan>();
        if (await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is not var (root, model))
        {
            return plans;
        }

        foreach (var diagnostic in diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan);
            var symbol = node is VariableDeclaratorSyntax or PropertyDeclarationSyntax ? model.GetDeclaredSymbol(node, cancellationToken) : null;
            var type = symbol switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                ILocalSymbol local => local.Type,
                _ => null,
            };
            SyntaxNode? declaration = symbol is ILocalSymbol
                ? node.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>(d => d.Parent is GlobalStatementSyntax)
                : node.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is FieldDeclarationSyntax or PropertyDeclarationSyntax);
            if (declaration is null || type is null || KindOf(type) is not { } kind ||
                declaration is FieldDeclarationSyntax { Declaration.Variables.Count: > 1 } or LocalDeclarationStatementSyntax { Declaration.Variables.Count: > 1 } ||
                (declaration is MemberDeclarationSyntax && declaration.Parent is not TypeDeclarationSyntax))
            {
                continue;
            }

            var scope = declaration is MemberDeclarationSyntax ? declaration.Parent! : root;
            var appends = new List<(InvocationExpressionSyntax, string, SyntaxAnnotation)>();
            foreach (var location in diagnostic.AdditionalLocations)
            {
                if (location.SourceTree == root.SyntaxTree &&
                    root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax
                    {
                        Expression: MemberAccessExpressionSyntax { Expression: var receiver },
                    } append &&
                    scope.Span.Contains(append.Span) && IsStable(receiver) && CanCapAfter(model, append, cancellationToken))
                {
                    appends.Add((append, receiver.WithoutTrivia().ToString(), new SyntaxAnnotation()));
                }
            }

            if (appends.Count > 0)
            {
                plans.Add(new Plan(declaration, kind, appends, UniqueName(model, declaration, symbol!.Name, kind)));
            }
        }

        return plans;
    }

    /// <summary>The append is a statement of a block, the embedded statement of a lock, if, loop or using, or the
    /// expression body of a lambda or method that returns nothing: a cap can follow it.</summary>
    private static bool CanCapAfter(SemanticModel model, InvocationExpressionSyntax append, CancellationToken cancellationToken) => append.Parent switch
    {
        ExpressionStatementSyntax { Parent: BlockSyntax or LockStatementSyntax or IfStatementSyntax or ElseClauseSyntax or CommonForEachStatementSyntax or
            WhileStatementSyntax or ForStatementSyntax or UsingStatementSyntax } => true,
        LambdaExpressionSyntax lambda when lambda.ExpressionBody == append =>
            model.GetSymbolInfo(lambda, cancellationToken).Symbol is IMethodSymbol { ReturnsVoid: true },
        ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } =>
            model.GetDeclaredSymbol(method, cancellationToken) is IMethodSymbol { ReturnsVoid: true, IsAsync: false },
        _ => false,
    };

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
            foreach (var (append, _, marker) in plan.Appends)
            {
                Mark(markers, append, marker);
            }
        }

        root = root.ReplaceNodes(markers.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(markers[original]));
        var endOfLine = ConnectionRemovalEdits.EndOfLine(root).ToFullString();
        foreach (var plan in plans)
        {
            foreach (var (_, receiver, marker) in plan.Appends)
            {
                if (root.GetAnnotatedNodes(marker).OfType<InvocationExpressionSyntax>().FirstOrDefault() is { } append)
                {
                    root = CapAfter(root, append, marker, SyntaxFactory.ParseStatement(CapText(plan.Kind, receiver, plan.Name)), endOfLine) ?? root;
                }
            }

            root = AddLimit(root, plan) ?? root;
        }

        return document.WithSyntaxRoot(root);
    }

    /// <summary>Puts <paramref name="cap"/> right after the statement of <paramref name="append"/>, giving it a block first when it has none.</summary>
    private static SyntaxNode? CapAfter(SyntaxNode root, InvocationExpressionSyntax append, SyntaxAnnotation marker, StatementSyntax cap, string endOfLine)
    {
        cap = cap.WithAdditionalAnnotations(Formatter.Annotation);
        switch (append.Parent)
        {
            case ExpressionStatementSyntax { Parent: BlockSyntax block } statement:
                return root.ReplaceNode(block, block.WithStatements(block.Statements.Insert(block.Statements.IndexOf(statement) + 1, cap)));
            case ExpressionStatementSyntax { Parent: StatementSyntax or ElseClauseSyntax } statement:
                // lock (log) log.Add(x);  becomes  lock (log) { log.Add(x); cap }, laid out at the lock's indentation.
                var embedded = LambdaBlocks.Layout(new[] { statement, cap }, ConnectionRemovalEdits.IndentationOf(statement.Parent!), endOfLine)
                    .WithTrailingTrivia(statement.GetTrailingTrivia());
                var before = statement.GetFirstToken().GetPreviousToken();
                root = root.ReplaceToken(before, before.WithTrailingTrivia());
                statement = (ExpressionStatementSyntax)root.GetAnnotatedNodes(marker).Single().Parent!;
                return root.ReplaceNode(statement, embedded);
            case LambdaExpressionSyntax lambda:
                var indentation = ConnectionRemovalEdits.IndentationOf(lambda);
                var body = LambdaBlocks.Layout(new StatementSyntax[] { SyntaxFactory.ExpressionStatement(append.WithoutTrivia()), cap }, indentation, endOfLine);
                var updated = lambda switch
                {
                    SimpleLambdaExpressionSyntax simple => (LambdaExpressionSyntax)simple.WithExpressionBody(null)
                        .WithArrowToken(simple.ArrowToken.WithTrailingTrivia()).WithBlock(body),
                    ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.WithExpressionBody(null)
                        .WithArrowToken(parenthesized.ArrowToken.WithTrailingTrivia()).WithBlock(body),
                    _ => lambda,
                };
                return root.ReplaceNode(lambda, updated.WithTrailingTrivia(lambda.GetTrailingTrivia()));
            case ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method }:
                var methodBody = SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(append.WithoutTrivia()), cap);
                var rewritten = method.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithParameterList(method.ParameterList.WithTrailingTrivia())
                    .WithBody(ConnectionRemovalEdits.Elastic(methodBody))
                    .WithTrailingTrivia(method.GetTrailingTrivia())
                    .WithAdditionalAnnotations(Formatter.Annotation);
                return root.ReplaceNode(method, rewritten);
            default:
                return null;
        }
    }

    /// <summary>Adds the limit: a constant member before the declaration, or a local constant before a top-level history.</summary>
    private static SyntaxNode? AddLimit(SyntaxNode root, Plan plan)
    {
        var value = plan.Kind == "StringBuilder" ? "1024 * 1024" : "1000";
        switch (root.GetAnnotatedNodes(plan.Marker).FirstOrDefault())
        {
            case MemberDeclarationSyntax { Parent: TypeDeclarationSyntax type } declaration:
                var constant = SyntaxFactory.ParseMemberDeclaration($"private const int {plan.Name} = {value};\n")!
                    .WithLeadingTrivia(declaration.GetLeadingTrivia())
                    .WithAdditionalAnnotations(Formatter.Annotation);
                return root.ReplaceNode(type, type.WithMembers(type.Members.Insert(type.Members.IndexOf(declaration), constant)));
            case LocalDeclarationStatementSyntax { Parent: GlobalStatementSyntax global } when root is CompilationUnitSyntax unit:
                var local = SyntaxFactory.GlobalStatement(SyntaxFactory.ParseStatement($"const int {plan.Name} = {value};\n"))
                    .WithLeadingTrivia(global.GetLeadingTrivia())
                    .WithAdditionalAnnotations(Formatter.Annotation);
                return unit.WithMembers(unit.Members.Insert(unit.Members.IndexOf(global), local));
            default:
                return null;
        }
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

    /// <summary><c>_history</c> → <c>MaxHistoryCount</c>; a StringBuilder <c>Log</c> → <c>MaxLogLength</c>; numbered when
    /// the name is taken in the type (or, top-level, where the constant goes).</summary>
    private static string UniqueName(SemanticModel model, SyntaxNode declaration, string field, string kind)
    {
        var trimmed = field.TrimStart('_');
        if (trimmed.StartsWith("s_", System.StringComparison.Ordinal) || trimmed.StartsWith("m_", System.StringComparison.Ordinal))
        {
            trimmed = trimmed.Substring(2);
        }

        var stem = "Max" + (trimmed.Length == 0 ? "History" : char.ToUpperInvariant(trimmed[0]) + trimmed.Substring(1)) +
                   (kind == "StringBuilder" ? "Length" : "Count");
        if (declaration is LocalDeclarationStatementSyntax)
        {
            return RemovalStatements.UniqueName(model, declaration.SpanStart, stem);
        }

        var existing = new HashSet<string>(((TypeDeclarationSyntax)declaration.Parent!).Members.SelectMany(Names));
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
