using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using WsAnalyzers.ResourceBounds;

namespace WsAnalyzers.CodeFixes.ResourceBounds;

/// <summary>
/// The fix for a registration in a function: find the connection's lifetime after the registration and remove the
/// connection however it ends.
/// <list type="bullet">
/// <item>The rest of the block awaits (or receives): <c>add; try { rest } finally { removal }</c>, moving the existing
/// removals of this connection there (a removal that names what the finally cannot see, such as a scan's loop variable,
/// stays where it is).</item>
/// <item>The rest starts the session without awaiting it (<c>_ = Task.Run(() =&gt; ServeAsync(id, socket))</c>,
/// <c>_ = ServeAsync(socket)</c>): the started code gets the try/finally.</item>
/// </list>
/// An add under a lock (<c>lock (x) { x.Add(s); }</c>) is anchored at the lock, and its removal takes the same lock. A key
/// that is not a plain name (<c>Guid.NewGuid().ToString()</c>) is moved into a local first so the removal can name it.
/// </summary>
internal static class LifetimeEdits
{
    public static ConnectionRemovalEdits.Plan? CreatePlan(
        SyntaxNode root, SemanticModel model, ExpressionSyntax add, IEnumerable<Location> removalLocations, CancellationToken cancellationToken)
    {
        if (AnchorOf(add) is not { Parent: BlockSyntax block } anchor)
        {
            return null;
        }

        var index = block.Statements.IndexOf(anchor);
        var rest = block.Statements.Skip(index + 1).ToList();
        if (rest.Count == 0)
        {
            return null;
        }

        var connection = new HashSet<ISymbol>(
            RemovalStatements.LocalsAndParameters(model, add is AssignmentExpressionSyntax assignment ? assignment : (add as InvocationExpressionSyntax)?.ArgumentList, cancellationToken),
            SymbolEqualityComparer.Default);
        var started = Started(model, rest, connection, cancellationToken);
        if (started is null && !rest.Any(Lives))
        {
            return null;
        }

        var moved = started is null ? Movable(root, model, removalLocations, anchor, block, cancellationToken) : new List<StatementSyntax>();
        if (moved.Count > 0)
        {
            return new ConnectionRemovalEdits.Plan(add, RegistrationShape.Function, moved[0].WithoutTrivia())
            {
                Anchor = anchor,
                RemovalsToMove = moved.ToImmutableArray(),
            };
        }

        // Written from the add: the receiver must be visible after the anchor, the key too or be moved into a local.
        var (receiver, key, _) = RemovalStatements.Parts(add);
        if (receiver is null || key is null || !RemovalStatements.IsStable(receiver) || !VisibleAfter(model, receiver, anchor, cancellationToken) ||
            RemovalStatements.RemovalMethod(model.GetTypeInfo(receiver, cancellationToken).Type) is not { } method)
        {
            return null;
        }

        string keyText;
        ExpressionSyntax? extracted = null;
        string? name = null;
        if (RemovalStatements.IsStable(key) && VisibleAfter(model, key, anchor, cancellationToken))
        {
            keyText = key.WithoutTrivia().ToString();
        }
        else
        {
            extracted = key;
            name = RemovalStatements.UniqueName(model, anchor.SpanStart, RemovalStatements.Parts(add).Value is null ? "connection" : "connectionId");
            keyText = name;
        }

        if (RemovalStatements.ByKey(method, receiver.WithoutTrivia().ToString(), keyText, model, anchor.SpanStart) is not { } removal)
        {
            return null;
        }

        if (anchor is LockStatementSyntax { Expression: var gate })
        {
            removal = RemovalStatements.UnderLock(gate.WithoutTrivia().ToString(), removal);
        }

        return new ConnectionRemovalEdits.Plan(add, RegistrationShape.Function, removal)
        {
            Anchor = anchor,
            Started = started,
            TaskName = started is null ? null : TaskName(model, started.SpanStart),
            StartedIsTask = started is not null && StartedIsTask(model, started, cancellationToken),
            ExtractedKey = extracted,
            ExtractedName = name,
        };
    }

    public static SyntaxNode? Apply(SyntaxNode root, ConnectionRemovalEdits.Plan plan)
    {
        if (plan.ExtractedName is { } name)
        {
            root = ExtractKey(root, plan, name) ?? root;
        }

        return plan.Started is null ? WrapRest(root, plan) : WrapStarted(root, plan);
    }

    /// <summary>The statement the add is, or the lock statement whose only statement it is.</summary>
    private static StatementSyntax? AnchorOf(ExpressionSyntax add)
    {
        var statement = ConnectionRemovalEdits.StatementOf(add);
        if (statement is null && add.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax declaration } } })
        {
            statement = declaration;
        }

        return statement is not null && RemovalStatements.EnclosingLock(statement) is { } @lock ? @lock : statement;
    }

    /// <summary>Something in <paramref name="statement"/> (outside lambdas) awaits or receives: the lifetime runs there.</summary>
    private static bool Lives(StatementSyntax statement) =>
        statement.DescendantNodesAndSelf(node => node is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).Any(node =>
            node is AwaitExpressionSyntax ||
            node is ForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } ||
            node is UsingStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } ||
            node is LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } ||
            node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ReceiveAsync" } });

    /// <summary>The one statement of <paramref name="rest"/> that starts a session with the connection and does not await it:
    /// <c>_ = Task.Run(...)</c>, <c>Task.Run(...)</c>, <c>_ = ServeAsync(socket)</c>.</summary>
    private static ExpressionSyntax? Started(SemanticModel model, List<StatementSyntax> rest, HashSet<ISymbol> connection, CancellationToken cancellationToken)
    {
        ExpressionSyntax? found = null;
        foreach (var statement in rest)
        {
            if (statement is not ExpressionStatementSyntax { Expression: var expression })
            {
                continue;
            }

            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } discard, Right: var right } &&
                model.GetSymbolInfo(discard, cancellationToken).Symbol is null or IDiscardSymbol)
            {
                expression = right;
            }

            if (expression is not InvocationExpressionSyntax invocation || !IsTask(model.GetTypeInfo(invocation, cancellationToken).Type) ||
                !RemovalStatements.LocalsAndParameters(model, invocation.ArgumentList, cancellationToken).Any(connection.Contains))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = invocation;
        }

        return found;
    }

    /// <summary>What the started session awaits: the call itself, or the body of the lambda Task.Run runs.</summary>
    private static bool StartedIsTask(SemanticModel model, ExpressionSyntax started, CancellationToken cancellationToken) =>
        StartedLambda(started) is { } lambda
            ? lambda.AsyncKeyword.RawKind == 0 && lambda.ExpressionBody is { } body && IsTask(model.GetTypeInfo(body, cancellationToken).Type)
            : IsTask(model.GetTypeInfo(started, cancellationToken).Type);

    /// <summary>The parameterless lambda of <c>Task.Run(() =&gt; ...)</c> / <c>StartNew(() =&gt; ...)</c>.</summary>
    private static ParenthesizedLambdaExpressionSyntax? StartedLambda(ExpressionSyntax started) =>
        started is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Run" or "StartNew" },
            ArgumentList.Arguments: { Count: > 0 } arguments,
        } && arguments[0].Expression is ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 0 } lambda
            ? lambda
            : null;

    /// <summary>"Task" when that name binds to System.Threading.Tasks.Task where the fix writes it, else its global:: name.</summary>
    private static string TaskName(SemanticModel model, int position)
    {
        var found = model.LookupNamespacesAndTypes(position, name: "Task").Where(symbol => symbol is INamedTypeSymbol { Arity: 0 }).ToList();
        return found.Count == 1 && found[0].ToDisplayString() == "System.Threading.Tasks.Task" ? "Task" : "global::System.Threading.Tasks.Task";
    }

    private static bool IsTask(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask" } named &&
        named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

    /// <summary>The removals (located by the diagnostic) that can move into a finally after <paramref name="anchor"/>: in
    /// its block, after it, naming only what the finally sees. A removal alone in a lock moves with its lock.</summary>
    private static List<StatementSyntax> Movable(
        SyntaxNode root, SemanticModel model, IEnumerable<Location> removalLocations, StatementSyntax anchor, BlockSyntax block, CancellationToken cancellationToken)
    {
        var moved = new List<StatementSyntax>();
        foreach (var location in removalLocations)
        {
            if (root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is not { } node || ConnectionRemovalEdits.StatementOf(node) is not { } statement)
            {
                continue;
            }

            if (RemovalStatements.EnclosingLock(statement) is { } @lock)
            {
                statement = @lock;
            }

            if (statement.Parent is BlockSyntax && statement.SpanStart > anchor.Span.End && block.Span.Contains(statement.Span) &&
                VisibleAfter(model, statement, anchor, cancellationToken) && !moved.Contains(statement))
            {
                moved.Add(statement);
            }
        }

        return moved;
    }

    /// <summary>The locals and parameters <paramref name="node"/> uses are visible in a finally that follows
    /// <paramref name="anchor"/> in its block: declared before it (or inside <paramref name="node"/> itself).</summary>
    private static bool VisibleAfter(SemanticModel model, SyntaxNode node, StatementSyntax anchor, CancellationToken cancellationToken)
    {
        foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            switch (model.GetSymbolInfo(identifier, cancellationToken).Symbol)
            {
                case ILocalSymbol local:
                    if (local.DeclaringSyntaxReferences.Length != 1 ||
                        (local.DeclaringSyntaxReferences[0].Span.Start >= anchor.SpanStart && !node.Span.Contains(local.DeclaringSyntaxReferences[0].Span)))
                    {
                        return false;
                    }

                    break;
                case IRangeVariableSymbol:
                    return false;
            }
        }

        return true;
    }

    /// <summary><c>c.Add(Guid.NewGuid().ToString(), s);</c> becomes <c>var connectionId = Guid.NewGuid().ToString(); c.Add(connectionId, s);</c>.</summary>
    private static SyntaxNode? ExtractKey(SyntaxNode root, ConnectionRemovalEdits.Plan plan, string name)
    {
        if (Annotated<StatementSyntax>(root, plan.AnchorMarker) is not { Parent: BlockSyntax block } anchor ||
            Annotated<ExpressionSyntax>(root, plan.KeyMarker) is not { } key)
        {
            return null;
        }

        var declaration = SyntaxFactory.ParseStatement($"var {name} = {key.WithoutTrivia()};")
            .WithLeadingTrivia(anchor.GetLeadingTrivia())
            .WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
            .WithAdditionalAnnotations(Formatter.Annotation);
        var updated = anchor.ReplaceNode(key, SyntaxFactory.IdentifierName(name).WithTriviaFrom(key));
        var statements = block.Statements.Replace(anchor, updated).Insert(block.Statements.IndexOf(anchor), declaration);
        return root.ReplaceNode(block, block.WithStatements(statements));
    }

    /// <summary><c>anchor; rest...</c> becomes <c>anchor; try { rest... } finally { removal; }</c>, without the removals it moves.</summary>
    private static SyntaxNode? WrapRest(SyntaxNode root, ConnectionRemovalEdits.Plan plan)
    {
        if (Annotated<StatementSyntax>(root, plan.AnchorMarker) is not { Parent: BlockSyntax block } anchor)
        {
            return null;
        }

        var index = block.Statements.IndexOf(anchor);
        var body = SyntaxFactory.Block(block.Statements.Skip(index + 1));
        var toRemove = body.DescendantNodes().OfType<StatementSyntax>().Where(s => s.HasAnnotation(plan.MoveMarker)).ToList();
        if (toRemove.Count > 0)
        {
            body = body.RemoveNodes(toRemove, SyntaxRemoveOptions.KeepNoTrivia)!;
        }

        var @try = SyntaxFactory.TryStatement(body, default, SyntaxFactory.FinallyClause(SyntaxFactory.Block(Removal(plan))))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var statements = block.Statements.Take(index + 1).Concat(new StatementSyntax[] { @try });
        return root.ReplaceNode(block, block.WithStatements(SyntaxFactory.List(statements)));
    }

    /// <summary>The started session removes the connection when it ends: the lambda Task.Run runs gets the try/finally, or
    /// a fire-and-forget call is started through one.</summary>
    private static SyntaxNode? WrapStarted(SyntaxNode root, ConnectionRemovalEdits.Plan plan)
    {
        if (Annotated<ExpressionSyntax>(root, plan.StartedMarker) is not { } started)
        {
            return null;
        }

        var removal = Removal(plan);
        var endOfLine = ConnectionRemovalEdits.EndOfLine(root).ToFullString();
        var indentation = ConnectionRemovalEdits.IndentationOf(started);
        if (StartedLambda(started) is { } lambda)
        {
            var body = lambda.Block is { } block
                ? (IEnumerable<StatementSyntax>)block.Statements
                : new[] { SyntaxFactory.ExpressionStatement(plan.StartedIsTask ? SyntaxFactory.AwaitExpression(lambda.ExpressionBody!.WithoutTrivia()) : lambda.ExpressionBody!.WithoutTrivia()) };
            var updated = lambda.WithExpressionBody(null).WithArrowToken(lambda.ArrowToken.WithTrailingTrivia())
                .WithBlock(TryFinallyBlock(body, removal, indentation, endOfLine));
            if (plan.StartedIsTask)
            {
                updated = updated.WithAsyncKeyword(SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space));
            }

            return root.ReplaceNode(lambda, updated);
        }

        // _ = ServeAsync(socket);  becomes  _ = Task.Run(async () => { try { await ServeAsync(socket); } finally { removal } });
        var awaited = SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(started.WithoutTrivia()));
        var run = SyntaxFactory.ParseExpression(plan.TaskName + ".Run(async () => { })");
        var runLambda = run.DescendantNodes().OfType<ParenthesizedLambdaExpressionSyntax>().Single();
        run = run.ReplaceNode(runLambda, runLambda.WithArrowToken(runLambda.ArrowToken.WithTrailingTrivia())
            .WithBlock(TryFinallyBlock(new[] { awaited }, removal, indentation, endOfLine)));
        if (started.Parent is ExpressionStatementSyntax statementOfCall)
        {
            var discard = SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.IdentifierName("_").WithTrailingTrivia(SyntaxFactory.Space),
                        SyntaxFactory.Token(SyntaxKind.EqualsToken).WithTrailingTrivia(SyntaxFactory.Space),
                        run))
                .WithTriviaFrom(statementOfCall);
            return root.ReplaceNode(statementOfCall, discard);
        }

        return root.ReplaceNode(started, run.WithTriviaFrom(started));
    }

    /// <summary><c>{ try { body } finally { removal } }</c> laid out at <paramref name="indentation"/>.</summary>
    private static BlockSyntax TryFinallyBlock(IEnumerable<StatementSyntax> body, StatementSyntax removal, string indentation, string endOfLine) =>
        LambdaBlocks.Layout(
            new StatementSyntax[]
            {
                SyntaxFactory.TryStatement(SyntaxFactory.Block(body.Select(statement => statement.WithoutTrivia())), default,
                    SyntaxFactory.FinallyClause(SyntaxFactory.Block(removal.WithoutTrivia()))),
            },
            indentation,
            endOfLine);

    private static StatementSyntax Removal(ConnectionRemovalEdits.Plan plan) =>
        plan.Removal.WithoutAnnotations(plan.MoveMarker).WithoutTrivia().WithAdditionalAnnotations(Formatter.Annotation);

    private static T? Annotated<T>(SyntaxNode root, SyntaxAnnotation marker)
        where T : SyntaxNode =>
        root.GetAnnotatedNodes(marker).OfType<T>().FirstOrDefault();
}
