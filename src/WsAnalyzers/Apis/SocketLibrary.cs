namespace WsAnalyzers.Apis;

/// <summary>The library a WebSocket call or handler belongs to.</summary>
internal enum SocketLibrary
{
    /// <summary>System.Net.WebSockets.WebSocket, ASP.NET Core's accept, and sockets with the same contract (EmbedIO's
    /// IWebSocket: a State of System.Net's WebSocketState, an async send that faults when the socket is not open).</summary>
    SystemNet,
    WebSocketSharp,
    WebSocketSharpBehavior,
    Fleck,
    WebsocketClient,
    SignalRClient,
    SignalRHub,

    /// <summary>System.Net.HttpListenerContext.AcceptWebSocketAsync (the socket it hands out is a System.Net socket).</summary>
    HttpListener,

    /// <summary>Classic ASP.NET: HttpContext(Base).AcceptWebSocketRequest and the callback it runs with an
    /// AspNetWebSocketContext (whose socket is a System.Net socket).</summary>
    SystemWeb,

    /// <summary>ASP.NET SignalR 2.x server: Microsoft.AspNet.SignalR.Hub and PersistentConnection (their sends tolerate
    /// connections that are gone).</summary>
    AspNetSignalRHub,

    /// <summary>ASP.NET SignalR 2.x client: Microsoft.AspNet.SignalR.Client.Connection and HubConnection.</summary>
    AspNetSignalRClient,

    /// <summary>EmbedIO 3.x WebSocketModule: its handlers and its own SendAsync / BroadcastAsync, which catch and log send
    /// failures. Sends on the IWebSocket of a context are <see cref="SystemNet"/>.</summary>
    EmbedIO,
}
