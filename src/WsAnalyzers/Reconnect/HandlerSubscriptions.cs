using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Handlers;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Answers "is this method attached as a WebSocket callback somewhere in its type" for method groups
/// (<c>ws.OnClose += OnClosed</c>, <c>connection.Closed += OnClosedAsync</c>, <c>DisconnectionHappened.Subscribe(OnLost)</c>).
/// Only the method's own type in the same syntax tree is searched; the match is by symbol.
/// </summary>
internal static class HandlerSubscriptions
{
    public static Handler FindSubscription(WebSocketApis apis, ReconnectCaches caches, IMethodSymbol method, IOperation body) =>
        caches.Subscriptions.GetOrAdd(method.OriginalDefinition, _ => Search(apis, method, body));

    private static Handler Search(WebSocketApis apis, IMethodSymbol method, IOperation body)
    {
        var model = body.SemanticModel;
        if (model is null || method.MethodKind != MethodKind.Ordinary)
        {
            return Handler.None;
        }

        foreach (var reference in method.ContainingType.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                continue;
            }

            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                if (node is not IdentifierNameSyntax name || name.Identifier.ValueText != method.Name || name.Parent is InvocationExpressionSyntax)
                {
                    continue;
                }

                SyntaxNode expression = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
                if (expression.Parent is InvocationExpressionSyntax)
                {
                    continue;
                }

                if (model.GetOperation(expression) is IMethodReferenceOperation methodReference &&
                    SymbolEqualityComparer.Default.Equals(methodReference.Method.OriginalDefinition, method.OriginalDefinition))
                {
                    var handler = HandlerRecognition.ForMethodReference(apis, methodReference, body);
                    if (handler.IsHandler)
                    {
                        return handler;
                    }
                }
            }
        }

        return Handler.None;
    }
}
