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
/// </summary>
internal static class Heartbeats
{
    private static readonly HashSet<string> Teardowns = new(System.StringComparer.Ordinal)
    {
        "Abort", "Close", "CloseAsync", "CloseOutputAsync", "Dispose", "DisposeAsync", "Cancel", "CancelAsync",
        "Stop", "StopAsync", "Disconnect", "DisconnectAsync", "Reconnect", "ReconnectAsync",
    };

    /// <summary>The text a file must contain for <see cref="AnyIn"/> to find something in it.</summary>
    public static readonly string[] Markers = { "Abort", "Close", "Dispose", "Cancel", "Stop", "Disconnect", "Reconnect", "throw" };

    public static bool AnyIn(SyntaxNode scope, SemanticModel model, WebSocketApis apis, CancellationToken cancellation)
    {
        foreach (var node in scope.DescendantNodes())
        {
            cancellation.ThrowIfCancellationRequested();
            switch (node)
            {
                case IfStatementSyntax ifStatement when TearsDown(ifStatement.Statement) && ComparesTime(ifStatement.Condition, model, apis, cancellation):
                case ConditionalExpressionSyntax conditional when TearsDown(conditional.WhenTrue) && ComparesTime(conditional.Condition, model, apis, cancellation):
                    return true;
                case InvocationExpressionSyntax invocation when SyntaxNames.Invoked(invocation.Expression) == "ReceiveAsync" &&
                                                                ReceivesWithTimeout(invocation, model, apis, cancellation):
                    return true;
            }
        }

        return false;
    }

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
            if (node is BinaryExpressionSyntax binary &&
                binary.Kind() is SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression or SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression &&
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
    private static bool ReceivesWithTimeout(InvocationExpressionSyntax receive, SemanticModel model, WebSocketApis apis, CancellationToken cancellation)
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
                                                                model.GetSymbolInfo(invocation, cancellation).Symbol?.ContainingType.IsType(source) == true:
                case BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation when
                    model.GetTypeInfo(creation, cancellation).Type.IsType(source):
                    return true;
            }
        }

        return false;
    }
}
