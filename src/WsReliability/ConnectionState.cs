namespace WsReliability;

/// <summary>Where a <see cref="ReconnectingWebSocketClient"/> is in its life.</summary>
/// <remarks>
/// Disconnected → Connecting → Open ⇄ Reconnecting, and from any of them → Closed. Closed is final: a closed
/// client never connects again; create a new one.
/// </remarks>
public enum ConnectionState
{
    /// <summary>Created, not started yet.</summary>
    Disconnected,

    /// <summary>Making the first connection (including its retries).</summary>
    Connecting,

    /// <summary>A connection is open: messages are sent and received.</summary>
    Open,

    /// <summary>A connection was lost; waiting for the backoff delay or connecting again.</summary>
    Reconnecting,

    /// <summary>Stopped for good: closed by the user, disposed, closed normally by the server, or out of attempts.</summary>
    Closed,
}
