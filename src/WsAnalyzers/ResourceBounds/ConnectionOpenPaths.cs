using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ResourceBounds;

/// <summary>
/// Answers "does this run when a server-side connection opens": a Hub's OnConnectedAsync, a WebSocketBehavior's
/// OnOpen, a Fleck OnOpen callback or the per-connection callback of Fleck's WebSocketServer.Start, an ASP.NET SignalR 2
/// Hub's or PersistentConnection's OnConnected, an EmbedIO module's OnClientConnectedAsync, a System.Web accept callback,
/// or code that follows AcceptWebSocketAsync (ASP.NET Core, HttpListener) in the same function.
/// </summary>
internal static class ConnectionOpenPaths
{
    /// <summary><paramref name="handler"/> is the one that encloses <paramref name="operation"/> (<see cref="HandlerRecognition.FindEnclosing"/>).</summary>
    public static bool IsOnConnectionOpenPath(WebSocketApis apis, IOperation operation, Handler handler)
    {
        if (handler.Kind == HandlerKind.Open &&
            handler.Library is SocketLibrary.SignalRHub or SocketLibrary.WebSocketSharpBehavior or SocketLibrary.Fleck or
                SocketLibrary.AspNetSignalRHub or SocketLibrary.EmbedIO or SocketLibrary.SystemWeb)
        {
            // A System.Web accept callback runs the connection's receive loop too: inside it, code runs once per message.
            return ReceiveLoops.FindEnclosingReceiveLoop(apis, operation) is null;
        }

        var function = operation.EnclosingFunction();
        if (function is null)
        {
            return false;
        }

        if (function is IAnonymousFunctionOperation lambda && ConnectionOpenPaths.IsFleckServerCallback(apis, lambda))
        {
            return true;
        }

        // Inside the receive loop the code runs once per message, not once per connection.
        return ReceiveLoops.FindEnclosingReceiveLoop(apis, operation) is null && ConnectionOpenPaths.FollowsAccept(apis, operation, function);
    }

    /// <summary>The lambda passed to Fleck's <c>WebSocketServer.Start</c> that encloses <paramref name="operation"/>, at any depth.</summary>
    public static IAnonymousFunctionOperation? FindFleckServerCallback(WebSocketApis apis, IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda && ConnectionOpenPaths.IsFleckServerCallback(apis, lambda))
            {
                return lambda;
            }
        }

        return null;
    }

    public static bool IsFleckServerCallback(WebSocketApis apis, IAnonymousFunctionOperation lambda)
    {
        var server = apis.FleckServer;
        if (server is null)
        {
            return false;
        }

        var parent = lambda.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        if (parent is not IArgumentOperation { Parent: IInvocationOperation invocation } || invocation.TargetMethod.Name != "Start")
        {
            return false;
        }

        var type = invocation.TargetMethod.ContainingType;
        if (type.IsOrInheritsFrom(server))
        {
            return true;
        }

        foreach (var implemented in server.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="function"/> accepts a WebSocket before <paramref name="operation"/>.</summary>
    public static bool FollowsAccept(WebSocketApis apis, IOperation operation, IOperation function)
    {
        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            if (descendant is IInvocationOperation invocation &&
                invocation.Syntax.SpanStart < operation.Syntax.SpanStart &&
                apis.TryClassify(invocation, out var call) && call.Kind == WebSocketCallKind.Accept)
            {
                return true;
            }
        }

        return false;
    }
}
