using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Handlers;

/// <summary>
/// Answers "is this operation inside a message / open / close / error handler": lambdas and anonymous methods attached
/// to websocket-sharp events, Fleck's callback properties, Websocket.Client's observables (through Rx operators),
/// SignalR HubConnection events and On(...) handlers, ASP.NET SignalR 2 client Connection events and HubProxy On(...)
/// handlers, and the callback System.Web's AcceptWebSocketRequest runs; WebSocketBehavior overrides, SignalR Hub methods,
/// ASP.NET SignalR 2 Hub methods and PersistentConnection overrides, EmbedIO WebSocketModule overrides, and methods with
/// the signature of a System.Web accept callback.
/// </summary>
internal static class HandlerRecognition
{
    /// <summary>The handler whose body directly contains <paramref name="operation"/> (the innermost function only:
    /// a lambda nested in a handler, such as one passed to Task.Run, is not the handler).</summary>
    public static Handler FindEnclosing(WebSocketApis apis, IOperation operation, ISymbol containingSymbol)
    {
        var function = operation.EnclosingFunction();
        return function switch
        {
            IAnonymousFunctionOperation lambda => HandlerRecognition.ForLambda(apis, lambda),
            ILocalFunctionOperation => Handler.None,
            null => Handler.None,
            _ when containingSymbol is IMethodSymbol method => HandlerRecognition.ForMethod(apis, method, function),
            _ => Handler.None,
        };
    }

    public static Handler ForMethod(WebSocketApis apis, IMethodSymbol method, IOperation body)
    {
        var behavior = apis.SharpWebSocketBehavior;
        if (behavior is not null && method.IsOverride)
        {
            var kind = method.Name switch
            {
                "OnMessage" => HandlerKind.Message,
                "OnOpen" => HandlerKind.Open,
                "OnClose" => HandlerKind.Close,
                "OnError" => HandlerKind.Error,
                _ => HandlerKind.None,
            };
            if (kind != HandlerKind.None && method.OverridesMethodOf(behavior, method.Name))
            {
                return new Handler(kind, SocketLibrary.WebSocketSharpBehavior, body, null);
            }
        }

        if (apis.Hub is not null && !method.IsStatic && method.MethodKind == MethodKind.Ordinary &&
            method.ContainingType.IsOrInheritsFrom(apis.Hub))
        {
            var kind = method.Name switch
            {
                "OnConnectedAsync" when method.IsOverride => HandlerKind.Open,
                "OnDisconnectedAsync" when method.IsOverride => HandlerKind.Close,
                _ when method.DeclaredAccessibility == Accessibility.Public && !method.IsOverride => HandlerKind.Message,
                _ => HandlerKind.None,
            };
            return kind == HandlerKind.None ? Handler.None : new Handler(kind, SocketLibrary.SignalRHub, body, null);
        }

        return HandlerRecognition.ForSecondWaveMethod(apis, method, body);
    }

    /// <summary>ASP.NET SignalR 2 hubs and persistent connections, EmbedIO modules, System.Web accept callbacks. Each
    /// type is null in a compilation that does not reference it.</summary>
    private static Handler ForSecondWaveMethod(WebSocketApis apis, IMethodSymbol method, IOperation body)
    {
        if (method.MethodKind != MethodKind.Ordinary)
        {
            return Handler.None;
        }

        if (apis.AspNetWebSocketContext is { } aspNetContext && method.Parameters.Length == 1 &&
            method.Parameters[0].Type.IsOrInheritsFrom(aspNetContext) && method.ReturnType.IsType(apis.Task))
        {
            // The signature of a Func<AspNetWebSocketContext, Task> passed to AcceptWebSocketRequest (as a method group or
            // called from the callback), static or not: the connection's whole life runs in it.
            return new Handler(HandlerKind.Open, SocketLibrary.SystemWeb, body, null, method.Parameters[0]);
        }

        if (method.IsStatic)
        {
            return Handler.None;
        }

        if (apis.AspNetHub is not null && method.ContainingType.IsOrInheritsFrom(apis.AspNetHub))
        {
            // SignalR 2 calls public hub methods by name; OnConnected, OnReconnected and OnDisconnected(bool) are its
            // connection events (the parameterless OnDisconnected is the obsolete form of the last one).
            var kind = method.Name switch
            {
                "OnConnected" or "OnReconnected" when method.IsOverride => HandlerKind.Open,
                "OnDisconnected" when method.IsOverride => HandlerKind.Close,
                _ when method.DeclaredAccessibility == Accessibility.Public && !method.IsOverride => HandlerKind.Message,
                _ => HandlerKind.None,
            };
            return kind == HandlerKind.None ? Handler.None : new Handler(kind, SocketLibrary.AspNetSignalRHub, body, null);
        }

        if (method.IsOverride && apis.AspNetPersistentConnection is { } persistent)
        {
            var kind = method.Name switch
            {
                "OnConnected" or "OnReconnected" => HandlerKind.Open,
                "OnReceived" => HandlerKind.Message,
                "OnDisconnected" => HandlerKind.Close,
                _ => HandlerKind.None,
            };
            if (kind != HandlerKind.None && method.OverridesMethodOf(persistent, method.Name))
            {
                return new Handler(kind, SocketLibrary.AspNetSignalRHub, body, null);
            }
        }

        if (method.IsOverride && apis.EmbedIOWebSocketModule is { } module)
        {
            // EmbedIO awaits OnFrameReceivedAsync and OnMessageReceivedAsync in the connection's receive loop.
            var kind = method.Name switch
            {
                "OnMessageReceivedAsync" or "OnFrameReceivedAsync" => HandlerKind.Message,
                "OnClientConnectedAsync" => HandlerKind.Open,
                "OnClientDisconnectedAsync" => HandlerKind.Close,
                _ => HandlerKind.None,
            };
            if (kind != HandlerKind.None && method.OverridesMethodOf(module, method.Name))
            {
                return new Handler(kind, SocketLibrary.EmbedIO, body, null, ContextParameter(method.Parameters, apis.EmbedIOWebSocketContext));
            }
        }

        return Handler.None;
    }

    public static Handler ForLambda(WebSocketApis apis, IAnonymousFunctionOperation lambda)
    {
        var parent = lambda.Parent;
        if (parent is IDelegateCreationOperation)
        {
            parent = parent.Parent;
        }

        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IEventAssignmentOperation { Adds: true, EventReference: IEventReferenceOperation eventReference }:
                return HandlerRecognition.ForEvent(apis, eventReference.Event, lambda, eventReference.Instance);
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property }
                when property.Property.ContainingType.IsOrInheritsFrom(apis.FleckConnection):
                return new Handler(FleckKind(property.Property.Name), SocketLibrary.Fleck, lambda, property.Instance);
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return HandlerRecognition.ForCallbackArgument(apis, invocation, lambda, lambda.Symbol);
            default:
                return Handler.None;
        }
    }

    /// <summary>The handler a method group (<c>ws.OnClose += OnClosed</c>, <c>Subscribe(OnDisconnected)</c>, Fleck's
    /// <c>socket.OnMessage = OnMessage</c>) is attached as;
    /// <paramref name="body"/> is the body of the referenced method.</summary>
    public static Handler ForMethodReference(WebSocketApis apis, IMethodReferenceOperation reference, IOperation body)
    {
        var parent = reference.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IEventAssignmentOperation { Adds: true, EventReference: IEventReferenceOperation eventReference } =>
                HandlerRecognition.ForEvent(apis, eventReference.Event, body, eventReference.Instance),
            IArgumentOperation { Parent: IInvocationOperation invocation } => HandlerRecognition.ForCallbackArgument(apis, invocation, body, reference.Method),
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } when property.Property.ContainingType.IsOrInheritsFrom(apis.FleckConnection) =>
                new Handler(FleckKind(property.Property.Name), SocketLibrary.Fleck, body, property.Instance),
            _ => Handler.None,
        };
    }

    private static Handler ForEvent(WebSocketApis apis, IEventSymbol @event, IOperation lambda, IOperation? source)
    {
        if (@event.ContainingType.IsOrInheritsFrom(apis.SharpWebSocket))
        {
            var kind = @event.Name switch
            {
                "OnMessage" => HandlerKind.Message,
                "OnOpen" => HandlerKind.Open,
                "OnClose" => HandlerKind.Close,
                "OnError" => HandlerKind.Error,
                _ => HandlerKind.None,
            };
            return kind == HandlerKind.None ? Handler.None : new Handler(kind, SocketLibrary.WebSocketSharp, lambda, source);
        }

        if (@event.ContainingType.IsType(apis.HubConnection))
        {
            var kind = @event.Name switch
            {
                "Closed" or "Reconnecting" => HandlerKind.Close,
                "Reconnected" => HandlerKind.Open,
                _ => HandlerKind.None,
            };
            return kind == HandlerKind.None ? Handler.None : new Handler(kind, SocketLibrary.SignalRClient, lambda, source);
        }

        if (@event.ContainingType.IsOrInheritsFrom(apis.AspNetClientConnection))
        {
            // StateChanged is where SignalR 2 clients watch for Disconnected; Reconnecting means the connection dropped.
            var kind = @event.Name switch
            {
                "Closed" or "Reconnecting" or "StateChanged" => HandlerKind.Close,
                "Reconnected" => HandlerKind.Open,
                "Error" => HandlerKind.Error,
                "Received" => HandlerKind.Message,
                _ => HandlerKind.None,
            };
            return kind == HandlerKind.None ? Handler.None : new Handler(kind, SocketLibrary.AspNetSignalRClient, lambda, source);
        }

        return Handler.None;
    }

    /// <param name="callback">The lambda's or referenced method's symbol, for the parameters it is handed.</param>
    private static Handler ForCallbackArgument(WebSocketApis apis, IInvocationOperation invocation, IOperation lambda, IMethodSymbol callback)
    {
        var method = invocation.TargetMethod;
        if (method.Name == "On" && (method.ContainingType.IsType(apis.HubConnectionExtensions) || method.ContainingType.IsType(apis.HubConnection)))
        {
            var source = method.IsExtensionMethod ? invocation.Arguments[0].Value : invocation.Instance;
            return new Handler(HandlerKind.Message, SocketLibrary.SignalRClient, lambda, source);
        }

        if (method.Name == "Subscribe")
        {
            var observable = method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : invocation.Instance;
            if (HandlerRecognition.ObservedClientProperty(apis, observable) is { } property)
            {
                var kind = property.Property.Name switch
                {
                    "MessageReceived" => HandlerKind.Message,
                    "DisconnectionHappened" => HandlerKind.Close,
                    "ReconnectionHappened" => HandlerKind.Open,
                    _ => HandlerKind.None,
                };
                return kind == HandlerKind.None ? Handler.None : new Handler(kind, SocketLibrary.WebsocketClient, lambda, property.Instance);
            }
        }

        if (method.Name == "On" && method.IsExtensionMethod && method.ContainingType.IsType(apis.AspNetHubProxyExtensions) && invocation.Arguments.Length > 0)
        {
            return new Handler(HandlerKind.Message, SocketLibrary.AspNetSignalRClient, lambda, invocation.Arguments[0].Value);
        }

        if (method.Name == "AcceptWebSocketRequest" && apis.AspNetWebSocketContext is not null &&
            (method.ContainingType.IsOrInheritsFrom(apis.SystemWebHttpContext) || method.ContainingType.IsOrInheritsFrom(apis.SystemWebHttpContextBase)))
        {
            return new Handler(HandlerKind.Open, SocketLibrary.SystemWeb, lambda, null, ContextParameter(callback.Parameters, apis.AspNetWebSocketContext));
        }

        return Handler.None;
    }

    /// <summary>The first parameter of <paramref name="context"/>'s type: the connection a handler is handed.</summary>
    private static IParameterSymbol? ContextParameter(System.Collections.Immutable.ImmutableArray<IParameterSymbol> parameters, INamedTypeSymbol? context)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.Type.IsOrInheritsFrom(context))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>Follows an Rx chain (<c>client.MessageReceived.Where(...).Select(...)</c>) down to the Websocket.Client property.</summary>
    private static IPropertyReferenceOperation? ObservedClientProperty(WebSocketApis apis, IOperation? observable)
    {
        for (var depth = 0; observable is not null && depth < 16; depth++)
        {
            switch (observable.WithoutConversions())
            {
                case IPropertyReferenceOperation property
                    when property.Property.ContainingType.IsOrInheritsFrom(apis.WebsocketClientInterface) ||
                         property.Property.ContainingType.IsOrInheritsFrom(apis.WebsocketClient):
                    return property;
                case IInvocationOperation operatorCall:
                    observable = operatorCall.TargetMethod.IsExtensionMethod && operatorCall.Arguments.Length > 0
                        ? operatorCall.Arguments[0].Value
                        : operatorCall.Instance;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    private static HandlerKind FleckKind(string property) => property switch
    {
        "OnMessage" or "OnBinary" => HandlerKind.Message,
        "OnOpen" => HandlerKind.Open,
        "OnClose" => HandlerKind.Close,
        "OnError" => HandlerKind.Error,
        _ => HandlerKind.None,
    };
}
