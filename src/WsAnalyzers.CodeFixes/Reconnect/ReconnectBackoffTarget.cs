using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;
using static WsAnalyzers.CodeFixes.Reconnect.ReconnectBackoffCodeFixProvider;

namespace WsAnalyzers.CodeFixes.Reconnect;

/// <summary>A WS1001 / WS1002 reconnect the backoff fix can rewrite: its statement (or expression body), function and type.</summary>
internal sealed class ReconnectBackoffTarget
{
    private ReconnectBackoffTarget(
        ExpressionSyntax expression, TypeDeclarationSyntax type, bool isAsync, bool makeAsync, bool awaitable, bool isStatic,
        bool hasCounter, bool hasHelper, ImmutableArray<StatementSyntax> weakDelays)
    {
        Expression = expression;
        Type = type;
        IsAsync = isAsync;
        MakeAsync = makeAsync;
        Awaitable = awaitable;
        IsStatic = isStatic;
        HasCounter = hasCounter;
        HasHelper = hasHelper;
        WeakDelays = weakDelays;
    }

    /// <summary>The reconnect with its await / ConfigureAwait: the statement's expression or the function's expression body.</summary>
    public ExpressionSyntax Expression { get; }

    public TypeDeclarationSyntax Type { get; }

    public bool IsAsync { get; }

    public bool MakeAsync { get; }

    public bool Awaitable { get; }

    public bool IsStatic { get; }

    public bool HasCounter { get; }

    public bool HasHelper { get; }

    public ImmutableArray<StatementSyntax> WeakDelays { get; }

    public static ReconnectBackoffTarget? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // Only reconnect calls carry a path; WS1002 on an IRetryPolicy's returned delay has none and no fix.
        if (!diagnostic.Properties.ContainsKey(ReconnectDiagnostics.PathKindProperty) ||
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation ||
            invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type ||
            model.GetDeclaredSymbol(type, cancellationToken) is not { } typeSymbol)
        {
            return null;
        }

        ExpressionSyntax expression = invocation;
        var awaited = false;
        while (true)
        {
            if (expression.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax)
            {
                awaited |= expression.Parent is AwaitExpressionSyntax;
                expression = (ExpressionSyntax)expression.Parent;
            }
            else if (expression.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" or "Wait" or "GetAwaiter" or "GetResult" } access &&
                     access.Parent is InvocationExpressionSyntax configured)
            {
                // `ConnectAsync(...).ConfigureAwait(false)`, `ConnectAsync(...).Wait()`, `...GetAwaiter().GetResult()`.
                expression = configured;
            }
            else if (expression.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "_" } discard } assignment &&
                     assignment.Right == expression && model.GetSymbolInfo(discard, cancellationToken).Symbol is null or IDiscardSymbol)
            {
                // `_ = client.Reconnect();`
                expression = assignment;
            }
            else
            {
                break;
            }
        }

        var function = expression.Ancestors().FirstOrDefault(a =>
            a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax);
        if (function is null)
        {
            return null;
        }

        var isAsync = function switch
        {
            AnonymousFunctionExpressionSyntax anonymous => anonymous.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
            LocalFunctionStatementSyntax local => local.Modifiers.Any(SyntaxKind.AsyncKeyword),
            BaseMethodDeclarationSyntax method => method.Modifiers.Any(SyntaxKind.AsyncKeyword),
            _ => false,
        };
        var functionSymbol = function is AnonymousFunctionExpressionSyntax
            ? model.GetSymbolInfo(function, cancellationToken).Symbol as IMethodSymbol
            : model.GetDeclaredSymbol(function, cancellationToken) as IMethodSymbol;
        if (functionSymbol is null)
        {
            return null;
        }

        var isStatement = expression.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or IfStatementSyntax or ElseClauseSyntax or WhileStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or DoStatementSyntax or UsingStatementSyntax or LockStatementSyntax };
        var isBody = expression.Parent switch
        {
            AnonymousFunctionExpressionSyntax anonymous => anonymous.ExpressionBody == expression,
            ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax or LocalFunctionStatementSyntax } => true,
            _ => false,
        };
        if (!isStatement && !isBody)
        {
            return null;
        }

        var invocationType = model.GetTypeInfo(invocation, cancellationToken).Type;
        var awaitable = invocationType?.GetMembers("GetAwaiter").Any() == true || awaited;
        var makeAsync = false;
        if (isBody && !isAsync && !functionSymbol.ReturnsVoid)
        {
            // `error => connection.StartAsync()`: becomes an async lambda that awaits the start.
            if (!awaitable || !SymbolEqualityComparer.Default.Equals(functionSymbol.ReturnType, invocationType))
            {
                return null;
            }

            makeAsync = true;
        }

        var member = function.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault();
        var isStatic = member is BaseMethodDeclarationSyntax m ? m.Modifiers.Any(SyntaxKind.StaticKeyword) :
            member is BasePropertyDeclarationSyntax p && p.Modifiers.Any(SyntaxKind.StaticKeyword);

        var counter = typeSymbol.GetMembers(Counter);
        var hasCounter = counter.Length > 0;
        if (hasCounter && (counter[0] is not IFieldSymbol { Type.SpecialType: SpecialType.System_Int32 } field || (!field.IsStatic && isStatic)))
        {
            return null;
        }

        var helper = typeSymbol.GetMembers(DelayMethod);
        var hasHelper = helper.Length > 0;
        if (hasHelper && !(helper[0] is IMethodSymbol { IsStatic: true, Parameters.Length: 1 } && typeSymbol.GetMembers(Jitter).Length > 0))
        {
            return null;
        }

        if (!hasHelper && typeSymbol.GetMembers(Jitter).Length > 0)
        {
            return null;
        }

        return new ReconnectBackoffTarget(expression, type, isAsync || makeAsync, makeAsync, awaitable, isStatic, hasCounter, hasHelper,
            WeakDelayStatements(root, diagnostic, function));
    }

    /// <summary>The additional locations (the waits on the path) that are whole statements of the same function.</summary>
    private static ImmutableArray<StatementSyntax> WeakDelayStatements(SyntaxNode root, Diagnostic diagnostic, SyntaxNode function)
    {
        if (diagnostic.Id != RuleIdentifiers.ReconnectWithoutBackoff)
        {
            return ImmutableArray<StatementSyntax>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<StatementSyntax>();
        foreach (var location in diagnostic.AdditionalLocations)
        {
            if (location.SourceTree != root.SyntaxTree)
            {
                continue;
            }

            var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            while (node.Parent is AwaitExpressionSyntax or ParenthesizedExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax &&
                   node.Parent is not ExpressionStatementSyntax)
            {
                node = node.Parent;
            }

            if (node.Parent is ExpressionStatementSyntax { Parent: BlockSyntax } statement &&
                statement.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax) == function)
            {
                builder.Add(statement);
            }
        }

        return builder.ToImmutable();
    }

    public SyntaxNode Rewrite(SyntaxNode root, ExpressionSyntax current, SemanticModel model, SyntaxTrivia newLine)
    {
        StatementSyntax Annotate(StatementSyntax statement) =>
            statement.WithLeadingTrivia(SyntaxFactory.ElasticMarker).WithTrailingTrivia(newLine).WithAdditionalAnnotations(Formatter.Annotation);

        var position = Expression.SpanStart;
        var wait = IsAsync
            ? $"await {TypeName(model, position, "System.Threading.Tasks", "Task")}.Delay({DelayMethod}({Counter}));"
            : $"{TypeName(model, position, "System.Threading", "Thread")}.Sleep({DelayMethod}({Counter}));";
        var before = new[]
        {
            Annotate(SyntaxFactory.ParseStatement($"{Counter}++;")),
            Annotate(SyntaxFactory.ParseStatement(wait)),
        };
        var after = Annotate(SyntaxFactory.ParseStatement($"{Counter} = 0;"));

        if (current.Parent is ExpressionStatementSyntax statement)
        {
            if (statement.Parent is not BlockSyntax block)
            {
                // The embedded statement of an if / else / loop becomes a block.
                var embedded = SyntaxFactory.Block(before.Concat(new[] { Annotate(statement.WithoutLeadingTrivia()).WithTrailingTrivia(statement.GetTrailingTrivia()), after }))
                    .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(newLine))
                    .WithTrailingTrivia(newLine)
                    .WithAdditionalAnnotations(Formatter.Annotation);
                return root.ReplaceNode(statement, embedded);
            }

            var index = block.Statements.IndexOf(statement);
            var statements = block.Statements
                .RemoveAt(index)
                .InsertRange(index, new[]
                {
                    before[0].WithLeadingTrivia(statement.GetLeadingTrivia()),
                    before[1],
                    // The reconnect keeps its own trailing trivia (a comment after it).
                    Annotate(statement.WithoutLeadingTrivia()).WithTrailingTrivia(statement.GetTrailingTrivia()),
                    after,
                });
            return root.ReplaceNode(block, block.WithStatements(statements));
        }

        var reconnect = MakeAsync && current is not AwaitExpressionSyntax
            ? SyntaxFactory.ExpressionStatement(SyntaxFactory.AwaitExpression(current.WithoutTrivia()))
            : SyntaxFactory.ExpressionStatement(current.WithoutTrivia());
        var body = SyntaxFactory.Block(before.Concat(new[] { Annotate(reconnect), after }))
            .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(newLine))
            .WithAdditionalAnnotations(Formatter.Annotation);
        switch (current.Parent)
        {
            case AnonymousFunctionExpressionSyntax anonymous:
                var lambda = anonymous.WithBody(body);
                if (MakeAsync)
                {
                    lambda = lambda.WithAsyncKeyword(SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space));
                }

                return root.ReplaceNode(anonymous, lambda.WithAdditionalAnnotations(Formatter.Annotation));
            case ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method }:
                var newMethod = method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body);
                if (MakeAsync)
                {
                    newMethod = newMethod.AddModifiers(SyntaxFactory.Token(SyntaxKind.AsyncKeyword));
                }

                return root.ReplaceNode(method, newMethod.WithAdditionalAnnotations(Formatter.Annotation));
            case ArrowExpressionClauseSyntax { Parent: LocalFunctionStatementSyntax local }:
                var newLocal = local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(body);
                if (MakeAsync)
                {
                    newLocal = newLocal.AddModifiers(SyntaxFactory.Token(SyntaxKind.AsyncKeyword));
                }

                return root.ReplaceNode(local, newLocal.WithAdditionalAnnotations(Formatter.Annotation));
            default:
                return root;
        }
    }
}
