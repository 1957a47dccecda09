namespace WsAnalyzers.Configuration;

/// <summary>Where a ws:// literal ends up.</summary>
internal enum EndpointUse
{
    /// <summary>Nowhere the rule recognises: a log line, a comparison, a method it cannot follow.</summary>
    None,

    /// <summary>A server's bind address (Fleck's or websocket-sharp's WebSocketServer).</summary>
    ServerBind,

    /// <summary>A URI or a WebSocket client: an endpoint something connects to.</summary>
    Client,
}
