using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Apis;

internal sealed partial class WebSocketApis
{
    /// <summary>Recognises sends, receives, connects, accepts and closes of every library of the contract, by symbol.</summary>
    public bool TryClassify(IInvocationOperation invocation, out WebSocketCall call)
    {
        var method = invocation.TargetMethod;
        call = default;

        // The name first: reading ContainingType of every call costs more than the whole name test.
        var kind = KindOf(method.Name);
        if (kind is null || method.ContainingType is not { } type)
        {
            return false;
        }

        var library = LibraryOf(type, method.Name, kind.Value);
        if (library is null)
        {
            return false;
        }

        var socket = method.IsStatic && method.IsExtensionMethod && invocation.Arguments.Length > 0
            ? invocation.Arguments[0].Value
            : invocation.Instance;
        call = new WebSocketCall(invocation, kind.Value, library.Value, socket?.WithoutConversions());
        return true;
    }

    public bool IsSend(IInvocationOperation invocation, out WebSocketCall call) =>
        TryClassify(invocation, out call) && call.Kind == WebSocketCallKind.Send;

    public bool IsReceive(IInvocationOperation invocation, out WebSocketCall call) =>
        TryClassify(invocation, out call) && call.Kind == WebSocketCallKind.Receive;

    public bool IsConnect(IInvocationOperation invocation, out WebSocketCall call) =>
        TryClassify(invocation, out call) && call.Kind == WebSocketCallKind.Connect;

    /// <summary>True when a method of this name can be a <paramref name="kind"/> call of some library: a prefilter for
    /// syntax scans that decide what to bind, never a finding.</summary>
    public static bool MayBe(string name, WebSocketCallKind kind) => KindOf(name) == kind;

    private static WebSocketCallKind? KindOf(string name) => name.Length < 4 || name[0] is not ('S' or 'R' or 'C' or 'A') ? null : name switch
    {
        "SendAsync" or "Send" or "SendInstant" or "SendCoreAsync" => WebSocketCallKind.Send,
        "ReceiveAsync" => WebSocketCallKind.Receive,
        "ConnectAsync" or "Connect" or "StartAsync" or "Start" or "StartOrFail" or "Reconnect" or "ReconnectOrFail" => WebSocketCallKind.Connect,
        "AcceptWebSocketAsync" => WebSocketCallKind.Accept,
        "CloseAsync" or "CloseOutputAsync" or "Close" or "StopAsync" or "Stop" or "StopOrFail" => WebSocketCallKind.Close,
        _ => null,
    };

    private SocketLibrary? LibraryOf(INamedTypeSymbol type, string name, WebSocketCallKind kind)
    {
        if (type.IsOrInheritsFrom(WebSocket))
        {
            return kind is WebSocketCallKind.Accept || name is "Send" or "SendInstant" or "SendCoreAsync" or "Connect" or "Start" or "StartAsync"
                ? null
                : SocketLibrary.SystemNet;
        }

        if (kind == WebSocketCallKind.Accept)
        {
            return type.IsType(AspNetWebSocketManager) ? SocketLibrary.SystemNet : null;
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

        return null;
    }
}
