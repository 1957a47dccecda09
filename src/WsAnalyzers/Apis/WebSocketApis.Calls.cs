using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Apis;

internal sealed partial class WebSocketApis
{
    /// <summary>Recognises sends, receives, connects, accepts and closes of every library of the contract, by symbol.</summary>
    public bool TryClassify(IInvocationOperation invocation, out WebSocketCall call) => TryClassify(invocation, wanted: null, out call);

    public bool IsSend(IInvocationOperation invocation, out WebSocketCall call) =>
        TryClassify(invocation, WebSocketCallKind.Send, out call);

    public bool IsReceive(IInvocationOperation invocation, out WebSocketCall call) =>
        TryClassify(invocation, WebSocketCallKind.Receive, out call);

    public bool IsConnect(IInvocationOperation invocation, out WebSocketCall call) =>
        TryClassify(invocation, WebSocketCallKind.Connect, out call);

    private bool TryClassify(IInvocationOperation invocation, WebSocketCallKind? wanted, out WebSocketCall call)
    {
        var method = invocation.TargetMethod;
        call = default;

        // The name first: reading ContainingType of every call costs more than the whole name test, and a call's kind
        // comes from its name alone, so a question about one kind rules the others out here too.
        var kind = KindOf(method.Name);
        if (kind is null || (wanted is not null && kind != wanted) || method.ContainingType is not { } type)
        {
            return false;
        }

        var library = LibraryOf(type, method.Name, kind.Value);
        if (library is null)
        {
            return false;
        }

        call = new WebSocketCall(invocation, kind.Value, library.Value, SocketOf(invocation, library.Value)?.WithoutConversions());
        return true;
    }

    /// <summary>True when a method of this name can be a <paramref name="kind"/> call of some library: a prefilter for
    /// syntax scans that decide what to bind, never a finding.</summary>
    public static bool MayBe(string name, WebSocketCallKind kind) => KindOf(name) == kind;

    /// <summary>
    /// The exception a send that throws on a closed connection (<see cref="WebSocketCall.ThrowsWhenClosed"/>) throws, for
    /// the catch that handles it: System.Net's WebSocketException; websocket-sharp's InvalidOperationException; for
    /// EmbedIO's IWebSocket, Exception, as its own implementation throws EmbedIO.WebSockets.WebSocketException and its
    /// System.Net-backed one System.Net's.
    /// </summary>
    public INamedTypeSymbol? ClosedSendException(WebSocketCall send) =>
        send.Library != SocketLibrary.SystemNet ? InvalidOperationException :
        EmbedIOWebSocket is not null && send.Invocation.TargetMethod.ContainingType.IsOrInheritsFrom(EmbedIOWebSocket) ? Exception :
        WebSocketException;

    private static WebSocketCallKind? KindOf(string name) => name.Length < 4 || name[0] is not ('S' or 'R' or 'C' or 'A' or 'B') ? null : name switch
    {
        "SendAsync" or "Send" or "SendInstant" or "SendCoreAsync" or "BroadcastAsync" or "Broadcast" => WebSocketCallKind.Send,
        "ReceiveAsync" => WebSocketCallKind.Receive,
        "ConnectAsync" or "Connect" or "StartAsync" or "Start" or "StartOrFail" or "Reconnect" or "ReconnectOrFail" => WebSocketCallKind.Connect,
        "AcceptWebSocketAsync" or "AcceptWebSocketRequest" => WebSocketCallKind.Accept,
        "CloseAsync" or "CloseOutputAsync" or "Close" or "StopAsync" or "Stop" or "StopOrFail" => WebSocketCallKind.Close,
        _ => null,
    };

    private SocketLibrary? LibraryOf(INamedTypeSymbol type, string name, WebSocketCallKind kind)
    {
        if (type.IsOrInheritsFrom(WebSocket))
        {
            return kind is WebSocketCallKind.Accept || name is "Send" or "SendInstant" or "SendCoreAsync" or "Connect" or "Start" or "StartAsync" or "BroadcastAsync" or "Broadcast"
                ? null
                : SocketLibrary.SystemNet;
        }

        if (kind == WebSocketCallKind.Accept)
        {
            return AcceptLibraryOf(type, name);
        }

        if (type.IsOrInheritsFrom(SharpWebSocket))
        {
            return name is "Send" or "SendAsync" or "Connect" or "ConnectAsync" or "Close" or "CloseAsync" ? SocketLibrary.WebSocketSharp : null;
        }

        if (type.IsOrInheritsFrom(SharpWebSocketBehavior))
        {
            return name is "Send" or "SendAsync" or "Close" or "CloseAsync" ? SocketLibrary.WebSocketSharpBehavior : null;
        }

        if (type.IsOrInheritsFrom(FleckConnection))
        {
            return name is "Send" or "Close" ? SocketLibrary.Fleck : null;
        }

        if (type.IsOrInheritsFrom(WebsocketClientInterface) || type.IsOrInheritsFrom(WebsocketClient))
        {
            return name is "Send" or "SendInstant" or "Start" or "StartOrFail" or "Reconnect" or "ReconnectOrFail" or "Stop" or "StopOrFail"
                ? SocketLibrary.WebsocketClient
                : null;
        }

        if (type.IsType(HubConnection))
        {
            return name is "SendCoreAsync" or "StartAsync" or "StopAsync" ? SocketLibrary.SignalRClient : null;
        }

        if (type.IsType(HubConnectionExtensions))
        {
            return name == "SendAsync" ? SocketLibrary.SignalRClient : null;
        }

        if (type.IsOrInheritsFrom(ClientProxy) || type.IsType(ClientProxyExtensions))
        {
            return name is "SendAsync" or "SendCoreAsync" ? SocketLibrary.SignalRHub : null;
        }

        return SecondWaveLibraryOf(type, name);
    }

    /// <summary>The libraries of the second wave (EmbedIO, ASP.NET SignalR 2.x); each type is null in a compilation
    /// that does not reference it, so the tests cost nothing there.</summary>
    private SocketLibrary? SecondWaveLibraryOf(INamedTypeSymbol type, string name)
    {
        // EmbedIO: the IWebSocket of a context sends like a System.Net socket; the module's own SendAsync, BroadcastAsync
        // and CloseAsync (declared by WebSocketModule, not a subclass's own methods of the same name) catch failures.
        if (type.IsOrInheritsFrom(EmbedIOWebSocket))
        {
            return name is "SendAsync" or "CloseAsync" ? SocketLibrary.SystemNet : null;
        }

        if (type.IsType(EmbedIOWebSocketModule))
        {
            return name is "SendAsync" or "BroadcastAsync" or "CloseAsync" ? SocketLibrary.EmbedIO : null;
        }

        if (type.IsOrInheritsFrom(AspNetClientConnection))
        {
            return name is "Start" or "Stop" or "Send" ? SocketLibrary.AspNetSignalRClient : null;
        }

        if (type.IsType(AspNetServerConnection) || type.IsOrInheritsFrom(AspNetConnectionGroupManager))
        {
            return name is "Send" or "Broadcast" ? SocketLibrary.AspNetSignalRHub : null;
        }

        return null;
    }

    private SocketLibrary? AcceptLibraryOf(INamedTypeSymbol type, string name)
    {
        if (name == "AcceptWebSocketAsync")
        {
            return type.IsType(AspNetWebSocketManager) ? SocketLibrary.SystemNet :
                type.IsOrInheritsFrom(HttpListenerContext) ? SocketLibrary.HttpListener :
                null;
        }

        return type.IsOrInheritsFrom(SystemWebHttpContext) || type.IsOrInheritsFrom(SystemWebHttpContextBase) ? SocketLibrary.SystemWeb : null;
    }

    /// <summary>The socket, client or connection a call is made on: the instance, the first argument of an extension
    /// method, or the context an EmbedIO module's SendAsync / CloseAsync is given.</summary>
    private static IOperation? SocketOf(IInvocationOperation invocation, SocketLibrary library)
    {
        var method = invocation.TargetMethod;
        if ((method.IsStatic && method.IsExtensionMethod) || library == SocketLibrary.EmbedIO)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return library == SocketLibrary.EmbedIO && method.Name == "BroadcastAsync" ? null : argument.Value;
                }
            }

            return null;
        }

        return invocation.Instance;
    }
}
