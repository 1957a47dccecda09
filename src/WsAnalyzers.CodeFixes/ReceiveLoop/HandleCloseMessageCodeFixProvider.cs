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
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.CodeFixes.Core;
using WsAnalyzers.Core;
using WsAnalyzers.ReceiveLoop;

namespace WsAnalyzers.CodeFixes.ReceiveLoop;

/// <summary>
/// WS5001: after the receive, handles the Close message: completes the close handshake with CloseOutputAsync (when the
/// peer started it: the state is CloseReceived) and leaves the loop. A dropped result is kept in a new local first.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HandleCloseMessageCodeFixProvider)), Shared]
public sealed class HandleCloseMessageCodeFixProvider : DocumentBatchCodeFixProvider
{
    public const string EquivalenceKey = "WS5001.HandleClose";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ReceiveLoopIgnoresClose);

    protected override string FixEquivalenceKey => EquivalenceKey;

    protected override async Task<string?> TitleAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is { } context &&
        Plan.Find(context.Root, context.Model, diagnostic, new HashSet<string>(), cancellationToken) is not null
            ? "Handle the Close message and leave the loop"
            : null;

    protected override async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (await RootAndModelAsync(document, cancellationToken).ConfigureAwait(false) is not { } context)
        {
            return document;
        }

        var names = new HashSet<string>();
        var plans = new List<Plan>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan.Find(context.Root, context.Model, diagnostic, names, cancellationToken) is { } plan &&
                plans.All(p => p.Statement != plan.Statement))
            {
                plans.Add(plan);
            }
        }

        var root = context.Root.ReplaceNodes(plans.Select(p => p.Statement), (original, rewritten) =>
            rewritten.WithAdditionalAnnotations(plans.First(p => p.Statement == original).Marker));
        foreach (var plan in plans)
        {
            if (root.GetAnnotatedNodes(plan.Marker).OfType<StatementSyntax>().FirstOrDefault() is not { Parent: BlockSyntax block } statement)
            {
                continue;
            }

            var statements = block.Statements;
            var index = statements.IndexOf(statement);
            var rewritten = plan.Rewrite(statement).ToList();
            if (index < statements.Count - 1)
            {
                rewritten[rewritten.Count - 1] = ReceiveLoopSyntax.WithBlankLineAfter(rewritten[rewritten.Count - 1], statement);
            }

            statements = statements.RemoveAt(index).InsertRange(index, rewritten);
            root = root.ReplaceNode(block, block.WithStatements(statements));
        }

        return document.WithSyntaxRoot(root);
    }

    private sealed class Plan
    {
        private readonly string _result;
        private readonly ExpressionSyntax _socket;
        private readonly ExpressionSyntax _token;
        private readonly bool _configureAwait;
        private readonly bool _declareResult;

        private Plan(StatementSyntax statement, string result, bool declareResult, ExpressionSyntax socket, ExpressionSyntax token, bool configureAwait)
        {
            Statement = statement;
            _result = result;
            _declareResult = declareResult;
            _socket = socket;
            _token = token;
            _configureAwait = configureAwait;
        }

        public StatementSyntax Statement { get; }

        public SyntaxAnnotation Marker { get; } = new();

        public static Plan? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, HashSet<string> names, CancellationToken cancellationToken)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not
                    { Expression: MemberAccessExpressionSyntax { Expression: var socket } } invocation ||
                !ReceiveLoopSyntax.IsStable(socket) ||
                model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation ||
                WebSocketApis.For(model.Compilation) is not { } apis ||
                ReceiveLoopFinder.Find(apis, operation) is not { Syntax: StatementSyntax loop })
            {
                return null;
            }

            var value = ReceiveLoopSyntax.Outermost(invocation, out var awaited, out var configureAwait);
            if (!awaited)
            {
                return null;
            }

            StatementSyntax? statement;
            string result;
            var declareResult = false;
            switch (value.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when
                    declarator.Parent is VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration }:
                    statement = declaration;
                    result = declarator.Identifier.ValueText;
                    break;
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Parent: ExpressionStatementSyntax expressionStatement } assignment
                    when assignment.Right == value && ReceiveLoopSyntax.IsStable(assignment.Left):
                    statement = expressionStatement;
                    result = assignment.Left.WithoutTrivia().ToString();
                    break;
                case ExpressionStatementSyntax dropped:
                    statement = dropped;
                    result = ReceiveLoopSyntax.FreeName(model, dropped.SpanStart, "result", names);
                    declareResult = true;
                    break;
                default:
                    return null;
            }

            // The nearest loop around the statement must be the receive loop: a break there leaves it.
            if (statement.Parent is not BlockSyntax ||
                statement.Ancestors().FirstOrDefault(a => a is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax) != loop ||
                ReceiveLoopSyntax.IsRestricted(statement, loop))
            {
                return null;
            }

            if (declareResult)
            {
                names.Add(result);
            }

            return new Plan(statement, result, declareResult, socket.WithoutTrivia(), ReceiveLoopSyntax.Token(invocation, operation.TargetMethod), configureAwait);
        }

        public IEnumerable<StatementSyntax> Rewrite(StatementSyntax statement)
        {
            if (_declareResult && statement is ExpressionStatementSyntax dropped)
            {
                yield return SyntaxFactory.ParseStatement($"var {_result} = {dropped.Expression.WithoutTrivia()};")
                    .WithTriviaFrom(statement)
                    .WithAdditionalAnnotations(Formatter.Annotation);
            }
            else
            {
                yield return statement;
            }

            var configure = _configureAwait ? ".ConfigureAwait(false)" : "";
            var check = SyntaxFactory.ParseStatement($$"""
                if ({{_result}}.MessageType == global::System.Net.WebSockets.WebSocketMessageType.Close)
                {
                    if ({{_socket}}.State == global::System.Net.WebSockets.WebSocketState.CloseReceived)
                    {
                        await {{_socket}}.CloseOutputAsync(global::System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, {{_token}}){{configure}};
                    }

                    break;
                }

                """);
            yield return ReceiveLoopSyntax.Simplified(check);
        }
    }
}
