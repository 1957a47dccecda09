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
    /// A watchdog in this library: <see cref="ReconnectingWebSocketOptions.HeartbeatMessage"/> (if set) is sent every
    /// KeepAliveInterval, and the connection is aborted when nothing at all was received for KeepAliveInterval +
    /// KeepAliveTimeout. The server must answer the heartbeat (or send traffic of its own).
    /// </summary>
    Application,
}
