using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Configuration;

/// <summary>
/// An application heartbeat with a reply timeout, which WS6001 counts as a keep-alive: a time comparison (TimeSpan,
/// DateTime, DateTimeOffset, a Stopwatch or Environment.TickCount reading) that guards the end of the connection (an
/// Abort, Close, Dispose, Cancel, Stop, Disconnect or Reconnect call, or a throw), or a ReceiveAsync whose function
/// cancels it after a time (CancelAfter, a CancellationTokenSource made with a delay, WaitAsync). It only ever keeps a
/// finding away, so the names of the calls that end a connection are read as written.
/// The syntax decides first: only an <c>if</c> or a conditional that ends the connection and compares with &lt;, &gt;,
/// &lt;= or &gt;=, a CancelAfter call, or a <c>new</c> of a cancellation source (its type name bound alone, without the
/// method around it) in a function that calls ReceiveAsync, gets a question to the semantic model, which binds that
/// method. Code without such a candidate costs a walk of its syntax.
/// </summary>
internal static class Heartbeats
{
    private static readonly HashSet<string> Teardowns = new(System.StringComparer.Ordinal)
    {
        "Abort", "Close", "CloseAsync", "CloseOutputAsync", "Dispose", "DisposeAsync", "Cancel", "CancelAsync",
        "Stop", "StopAsync", "Disconnect", "DisconnectAsync", "Reconnect", "ReconnectAsync",
    };

    /// <summary>The text a file must contain to be read by <see cref="AnyInProject"/>.</summary>
    private static readonly string[] ProjectMarkers = { "Abort", "CancelAfter", "ReceiveAsync" };

    /// <summary>
    /// A heartbeat in the project's WebSocket code, for a server, whose sockets are handled away from UseWebSockets and
    /// the accept: the files that spell a WebSocket API (<see cref="WebSocketRelevance.Mentions"/>), the same code the
    /// family's actions run on. A heartbeat ends a connection, so its file names the socket's type or its API.
    /// </summary>
    public static bool AnyInProject(WebSocketApis apis, ConfigurationCaches caches, CancellationToken cancellation)
    {
        var relevance = WebSocketRelevance.For(apis.Compilation);
        foreach (var tree in relevance.MentioningFiles)
        {
            cancellation.ThrowIfCancellationRequested();
            if (TextMarkers.Find(SourceSpans.WholeTextOf(tree, cancellation), ProjectMarkers) != 0 &&
                AnyIn(tree.GetRoot(cancellation), () => caches.ModelOf(tree), apis, cancellation))
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="modelOf">The model of <paramref name="scope"/>'s file, asked for only when a candidate needs it.</param>
    public static bool AnyIn(SyntaxNode scope, Func<SemanticModel> modelOf, WebSocketApis apis, CancellationToken cancellation)
    {
        SemanticModel? model = null;
        foreach (var node in scope.DescendantNodes())
        {
            cancellation.ThrowIfCancellationRequested();
            switch (node)
            {
                case IfStatementSyntax ifStatement when TearsDown(ifStatement.Statement) && HasTimeComparisonShape(ifStatement.Condition) &&
                                                        ComparesTime(ifStatement.Condition, model ??= modelOf(), apis, cancellation):
                case ConditionalExpressionSyntax conditional when TearsDown(conditional.WhenTrue) && HasTimeComparisonShape(conditional.Condition) &&
                                                                  ComparesTime(conditional.Condition, model ??= modelOf(), apis, cancellation):
                    return true;
                case InvocationExpressionSyntax invocation when SyntaxNames.Invoked(invocation.Expression) == "ReceiveAsync" &&
                                                                ReceivesWithTimeout(invocation, ref model, modelOf, apis, cancellation):
                    return true;
            }
        }

        return false;
    }

    /// <summary>The condition compares with &lt;, &gt;, &lt;= or &gt;=: the only shape <see cref="ComparesTime"/> accepts.</summary>
    private static bool HasTimeComparisonShape(ExpressionSyntax condition)
    {
        foreach (var node in condition.DescendantNodesAndSelf())
        {
            if (node is BinaryExpressionSyntax binary && IsRelational(binary))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRelational(BinaryExpressionSyntax binary) =>
        binary.Kind() is SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression;

    private static bool TearsDown(SyntaxNode branch)
    {
        if (branch is ThrowStatementSyntax or ThrowExpressionSyntax)
        {
            return true;
        }

        foreach (var node in branch.DescendantNodes())
        {
            if (node is ThrowStatementSyntax or ThrowExpressionSyntax ||
                (node is InvocationExpressionSyntax invocation && SyntaxNames.Invoked(invocation.Expression) is { } name && Teardowns.Contains(name)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ComparesTime(ExpressionSyntax condition, SemanticModel model, WebSocketApis apis, CancellationToken cancellation)
    {
        foreach (var node in condition.DescendantNodesAndSelf())
        {
            if (node is BinaryExpressionSyntax binary && IsRelational(binary) &&
                (IsTime(binary.Left, model, apis, cancellation) || IsTime(binary.Right, model, apis, cancellation)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsTime(ExpressionSyntax expression, SemanticModel model, WebSocketApis apis, CancellationToken cancellation)
    {
        var types = apis.Configuration;
        var type = model.GetTypeInfo(expression, cancellation).Type;
        if (type.IsType(apis.TimeSpan) || type.IsType(types.DateTime) || type.IsType(types.DateTimeOffset))
        {
            return true;
        }

        // (now - last).TotalSeconds, stopwatch.ElapsedMilliseconds, Environment.TickCount64 - last
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is MemberAccessExpressionSyntax access &&
                (model.GetTypeInfo(access.Expression, cancellation).Type.IsType(apis.TimeSpan) ||
                 model.GetSymbolInfo(access, cancellation).Symbol?.ContainingType is { } owner && (owner.IsType(types.Stopwatch) || owner.IsType(types.Environment))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A ReceiveAsync awaited with WaitAsync, or in a function that makes a cancellation source with a delay.</summary>
    private static bool ReceivesWithTimeout(
        InvocationExpressionSyntax receive, ref SemanticModel? model, Func<SemanticModel> modelOf, WebSocketApis apis, CancellationToken cancellation)
    {
        if (receive.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WaitAsync" })
        {
            return true;
        }

        var function = receive.Parent;
        while (function is not null && function is not (BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax))
        {
            function = function.Parent;
        }

        if (function is null)
        {
            return false;
        }

        var source = apis.Configuration.CancellationTokenSource;
        foreach (var node in function.DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation when SyntaxNames.Invoked(invocation.Expression) == "CancelAfter" &&
                                                                (model ??= modelOf()).GetSymbolInfo(invocation, cancellation).Symbol?.ContainingType.IsType(source) == true:
                case ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation when
                    MayNameCancellationSource(creation.Type) && CreatesSource(creation, model ??= modelOf(), source, cancellation):
                case ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } implicitCreation when
                    (model ??= modelOf()).GetTypeInfo(implicitCreation, cancellation).Type.IsType(source):
                    return true;
            }
        }

        return false;
    }

    /// <summary>A type name that can be CancellationTokenSource or an alias of it: not generic, not an array or a keyword.</summary>
    private static bool MayNameCancellationSource(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax => true,
        QualifiedNameSyntax { Right: IdentifierNameSyntax } => true,
        AliasQualifiedNameSyntax { Name: IdentifierNameSyntax } => true,
        _ => false,
    };

    /// <summary>The created type, bound as a type name at the creation's position: usings and aliases apply, the method's
    /// body is not bound.</summary>
    private static bool CreatesSource(ObjectCreationExpressionSyntax creation, SemanticModel model, INamedTypeSymbol? source, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        return model.GetSpeculativeTypeInfo(creation.Type.SpanStart, creation.Type, SpeculativeBindingOption.BindAsTypeOrNamespace).Type.IsType(source);
    }
}
