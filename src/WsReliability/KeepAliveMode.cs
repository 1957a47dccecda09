namespace WsReliability;

/// <summary>How a silently dead peer is detected.</summary>
public enum KeepAliveMode
{
    /// <summary><see cref="Protocol"/> on .NET 9 and newer, <see cref="Application"/> on .NET 8.</summary>
    Auto,

    /// <summary>
    /// WebSocket PING frames every <see cref="ReconnectingWebSocketOptions.KeepAliveInterval"/>; the connection is aborted
    /// when no PONG arrives within <see cref="ReconnectingWebSocketOptions.KeepAliveTimeout"/>
    /// (ClientWebSocketOptions.KeepAliveTimeout, .NET 9 and newer; on .NET 8 this falls back to <see cref="Application"/>).
    /// </summary>
    Protocol,

    /// <summary>
    /// A watchdog in this library: <see cref="ReconnectingWebSocketOptions.HeartbeatMessage"/> (<c>"ping"</c> by default)
    /// is sent every KeepAliveInterval, and the connection is aborted when nothing at all was received for
    /// KeepAliveInterval + KeepAliveTimeout. The server must answer the heartbeat (the WsReliability.AspNetCore hub
    /// answers <c>"pong"</c>) or send traffic of its own. Without a heartbeat the watchdog is off.
    /// </summary>
    Application,
}
