namespace WsReliability;

/// <summary>What <see cref="ReconnectingWebSocketClient.SendAsync"/> does when the send queue is full or no connection is open.</summary>
public enum SendPolicy
{
    /// <summary>
    /// Backpressure: while the queue is full, SendAsync waits for room. While the connection is down, messages stay
    /// queued and go out after the reconnect. Nothing is lost silently.
    /// </summary>
    Wait,

    /// <summary>
    /// Freshest data wins (prices, positions, presence): when the queue is full the oldest queued message is dropped,
    /// its SendAsync fails with <see cref="SendRejectionReason.Dropped"/> and the drop is counted. Messages queue while
    /// the connection is down.
    /// </summary>
    DropOldest,

    /// <summary>
    /// Never wait: SendAsync fails at once with <see cref="SendRejectionReason.QueueFull"/> when the queue is full and
    /// with <see cref="SendRejectionReason.NotConnected"/> when no connection is open. The caller decides.
    /// </summary>
    FailFast,
}
