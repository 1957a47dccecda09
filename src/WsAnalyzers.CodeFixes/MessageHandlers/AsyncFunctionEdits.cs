using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using WsAnalyzers.MessageHandlers;

namespace WsAnalyzers.CodeFixes.MessageHandlers;

/// <summary>
/// The functions a batch of WS4001 / WS4002 fixes must make async so that their awaits compile, each rewritten once
/// after the awaits are in (<see cref="AwaitFixes"/> says how, in the diagnostic's MakeAsync property): an event-handler
/// lambda gets <c>async</c>; a function that returns a task gets <c>async</c> and its returns await the task they returned;
/// a synchronous hub method becomes <c>async Task</c>.
/// </summary>
internal sealed class AsyncFunctionEdits
{
    private readonly Dictionary<SyntaxNode, string> _functions = new();

    /// <summary>True unless the fix must change a hub method's return type and code calls the method directly (SignalR
    /// calls it by name; a direct caller would get a Task where it expected a value).</summary>
    public static async Task<bool> AllowsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(AwaitFixes.MakeAsyncProperty, out var makeAsync) || makeAsync != AwaitFixes.HubMethodValue)
        {
            return true;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } declaration ||
            model?.GetDeclaredSymbol(declaration, cancellationToken) is not { } method)
        {
            return false;
        }

        var references = await SymbolFinder.FindReferencesAsync(method, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        return references.All(r => !r.Locations.Any());
    }

    /// <summary>Remembers that the function around <paramref name="node"/> (a node of the original root) must become
    /// what <paramref name="makeAsync"/> says; nothing when it is null (the function is async already).</summary>
    public void Add(SyntaxNode node, string? makeAsync)
    {
        if (makeAsync is not null && EnclosingFunction(node) is { } function)
        {
            _functions[function] = makeAsync;
        }
    }

    public void Apply(DocumentEditor editor)
    {
        foreach (var pair in _functions)
        {
            var makeAsync = pair.Value;
            editor.ReplaceNode(pair.Key, (current, _) => Rewrite(current, makeAsync).WithAdditionalAnnotations(Formatter.Annotation));
        }
    }

    private static SyntaxNode? EnclosingFunction(SyntaxNode node) =>
        node.AncestorsAndSelf().FirstOrDefault(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax);

    private static SyntaxNode Rewrite(SyntaxNode function, string makeAsync)
    {
        if (makeAsync == AwaitFixes.HubMethodValue)
        {
            return function is MethodDeclarationSyntax method ? AsyncSyntax.MakeAsyncTask(method) : function;
        }

        if (makeAsync is AwaitFixes.InPlaceValue or AwaitFixes.InPlaceResultValue)
        {
            function = new ReturnAwaiter(function, returnsValue: makeAsync == AwaitFixes.InPlaceResultValue).Visit(function) ?? function;
        }

        var asyncKeyword = SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        return function switch
        {
            AnonymousFunctionExpressionSyntax lambda => AsyncSyntax.MakeAsync(lambda),
            LocalFunctionStatementSyntax local => local.AddModifiers(asyncKeyword),
            MethodDeclarationSyntax method => method.AddModifiers(asyncKeyword),
            _ => function,
        };
    }

    /// <summary>Makes the returns of a task-returning function fit an async one: <c>return t;</c> becomes
    /// <c>return await t;</c> (Task&lt;T&gt;) or <c>await t; return;</c> (Task; <c>return Task.CompletedTask;</c> becomes
    /// <c>return;</c>, and a last return only awaits), and an expression body <c>=&gt; t</c> becomes <c>=&gt; await t</c>.
    /// Nested lambdas and local functions keep theirs.</summary>
    private sealed class ReturnAwaiter : CSharpSyntaxRewriter
    {
        private readonly SyntaxNode _function;
        private readonly bool _returnsValue;

        public ReturnAwaiter(SyntaxNode function, bool returnsValue)
        {
            _function = function;
            _returnsValue = returnsValue;
        }

        public override SyntaxNode? Visit(SyntaxNode? node) =>
            node != _function && node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax ? node : base.Visit(node);

        public override SyntaxNode? VisitArrowExpressionClause(ArrowExpressionClauseSyntax node) =>
            node.Parent == _function ? node.WithExpression(Awaited(node.Expression)) : base.VisitArrowExpressionClause(node);

        public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
            node == _function && node.ExpressionBody is { } body ? node.WithExpressionBody(Awaited(body)) : base.VisitParenthesizedLambdaExpression(node);

        public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
            node == _function && node.ExpressionBody is { } body ? node.WithExpressionBody(Awaited(body)) : base.VisitSimpleLambdaExpression(node);

        public override SyntaxNode? VisitReturnStatement(ReturnStatementSyntax node)
        {
            if (node.Expression is not { } returned)
            {
                return node;
            }

            if (_returnsValue)
            {
                return node.WithExpression(Awaited(returned));
            }

            // Statements of a block or switch section are expanded there; an embedded return that becomes two statements, a block.
            if (node.Parent is BlockSyntax or SwitchSectionSyntax)
            {
                return node;
            }

            var expanded = Expanded(node, last: false).ToList();
            return expanded.Count == 1 ? expanded[0] : SyntaxFactory.Block(expanded).WithTriviaFrom(node);
        }

        public override SyntaxNode? VisitBlock(BlockSyntax node)
        {
            var isBody = node.Parent == _function;
            var visited = (BlockSyntax)base.VisitBlock(node)!;
            return _returnsValue ? visited : visited.WithStatements(Expand(visited.Statements, isBody));
        }

        public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node)
        {
            var visited = (SwitchSectionSyntax)base.VisitSwitchSection(node)!;
            return _returnsValue ? visited : visited.WithStatements(Expand(visited.Statements, isBody: false));
        }

        private static SyntaxList<StatementSyntax> Expand(SyntaxList<StatementSyntax> statements, bool isBody)
        {
            var expanded = new List<StatementSyntax>();
            for (var i = 0; i < statements.Count; i++)
            {
                if (statements[i] is ReturnStatementSyntax { Expression: not null } @return)
                {
                    expanded.AddRange(Expanded(@return, last: isBody && i == statements.Count - 1));
                }
                else
                {
                    expanded.Add(statements[i]);
                }
            }

            return SyntaxFactory.List(expanded);
        }

        private static IEnumerable<StatementSyntax> Expanded(ReturnStatementSyntax @return, bool last)
        {
            var returned = @return.Expression!;
            var statements = new List<StatementSyntax>();
            if (returned is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CompletedTask" })
            {
                statements.Add(SyntaxFactory.ExpressionStatement(Awaited(returned)));
            }

            if (!last)
            {
                statements.Add(SyntaxFactory.ReturnStatement());
            }

            if (statements.Count == 0)
            {
                return statements;
            }

            for (var i = 0; i < statements.Count - 1; i++)
            {
                statements[i] = statements[i].WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed);
            }

            statements[0] = statements[0].WithLeadingTrivia(@return.GetLeadingTrivia());
            statements[statements.Count - 1] = statements[statements.Count - 1].WithTrailingTrivia(@return.GetTrailingTrivia());
            return statements;
        }

        private static ExpressionSyntax Awaited(ExpressionSyntax expression) =>
            SyntaxFactory.AwaitExpression(expression.WithoutTrivia()).WithTriviaFrom(expression);
    }
}
