namespace WsAnalyzers.Apis;

/// <summary>The library a WebSocket call belongs to.</summary>
internal enum SocketLibrary
{
    SystemNet,
    WebSocketSharp,
    WebSocketSharpBehavior,
    Fleck,
    WebsocketClient,
    SignalRClient,
    SignalRHub,
}
