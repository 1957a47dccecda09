using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>
/// Answers "was this socket just connected, accepted or read from in the same function": a receive, connect or
/// accept of the same socket that comes earlier in the function's text, or shares a loop with the operation; or the
/// socket of the <c>AspNetWebSocketContext</c> a classic ASP.NET <c>AcceptWebSocketRequest</c> callback was handed (a
/// lambda given to it, or a function of its signature; not any function that takes such a context).
/// In a long-lived loop (<see cref="LongLivedLoops"/>: a heartbeat, a pump) only a receive, connect or accept inside
/// that loop counts: the loop outlives the moment the socket was opened.
/// </summary>
internal static class SocketHistory
{
    public static bool FollowsReceiveConnectOrAccept(WebSocketApis apis, IOperation operation, IOperation? socket)
    {
        if (socket is null || OwnerFunction(operation) is not { } function)
        {
            return false;
        }

        var loop = LongLivedLoops.Enclosing(apis.Threading, operation);
        if (loop is null && IsAcceptedContextSocket(apis, function, socket))
        {
            return true;
        }

        foreach (var descendant in (loop ?? function).DescendantsOutsideFunctions())
        {
            if (descendant is not IInvocationOperation invocation || invocation == operation ||
                !apis.TryClassify(invocation, out var call))
            {
                continue;
            }

            var relevant = call.Kind switch
            {
                WebSocketCallKind.Receive or WebSocketCallKind.Connect => SocketIdentity.AreSame(call.Socket, socket),
                WebSocketCallKind.Accept => apis.ReceivesAcceptedSocket(invocation, socket),
                _ => false,
            };
            if (relevant && (loop is not null || invocation.Syntax.SpanStart < operation.Syntax.SpanStart || ShareLoop(invocation, operation)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>context.WebSocket</c>, or a local initialised with it, where <c>context</c> is the
    /// <c>AspNetWebSocketContext</c> parameter of a System.Web accept callback: the socket <c>AcceptWebSocketRequest</c> has
    /// just accepted. Any other function that is handed such a context (a helper that also takes another socket, one that
    /// returns a value) may run long after the accept.</summary>
    private static bool IsAcceptedContextSocket(WebSocketApis apis, IOperation function, IOperation socket)
    {
        if (apis.AspNetWebSocketContext is null)
        {
            return false;
        }

        var source = socket.WithoutConversions();
        if (source is ILocalReferenceOperation local && LocalDeclarations.DeclaratorOf(local) is { Initializer.Value: { } initializer })
        {
            source = initializer.WithoutConversions();
        }

        return source is IPropertyReferenceOperation { Property.Name: "WebSocket", Instance: IParameterReferenceOperation context } &&
               context.Parameter.Type.IsOrInheritsFrom(apis.AspNetWebSocketContext) &&
               IsAcceptCallbackContext(apis, function, context.Parameter);
    }

    /// <summary>The parameter is the context of an accept callback: a lambda given to System.Web's
    /// <c>AcceptWebSocketRequest</c>, or a method or local function of the callback's signature
    /// (<c>Func&lt;AspNetWebSocketContext, Task&gt;</c>: the one parameter, a plain <c>Task</c>), as
    /// <see cref="HandlerRecognition"/> recognises them.</summary>
    private static bool IsAcceptCallbackContext(WebSocketApis apis, IOperation function, IParameterSymbol parameter)
    {
        if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction })
        {
            return function is IAnonymousFunctionOperation lambda &&
                   SymbolEqualityComparer.Default.Equals(HandlerRecognition.ForLambda(apis, lambda) is { Library: SocketLibrary.SystemWeb } handler ? handler.ConnectionParameter : null, parameter);
        }

        return parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction, Parameters.Length: 1 } method &&
               method.ReturnType.IsType(apis.Task);
    }

    /// <summary>The lambda or member body <paramref name="operation"/> is in: a local function is part of the function it is
    /// declared in.</summary>
    private static IOperation? OwnerFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation || current.Parent is null)
            {
                return current;
            }
        }

        return null;
    }

    private static bool ShareLoop(IOperation first, IOperation second)
    {
        for (var current = first.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (current is ILoopOperation loop && second.IsWithin(loop))
            {
                return true;
            }
        }

        return false;
    }
}
