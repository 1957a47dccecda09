namespace WsReliability.AspNetCore;

/// <summary>What the hub does with a connection whose outbound queue is over its bounds (a burst it cannot absorb).</summary>
public enum SlowConsumerPolicy
{
    /// <summary>
    /// Close the connection with 1013 Try Again Later and a delay hint (<c>retry-after=</c>, docs/runtime.md); a
    /// ReconnectingWebSocketClient comes back after the hint and, with history replay, gets what it missed.
    /// </summary>
    Close,

    /// <summary>Keep the connection and drop its oldest queued messages to make room.</summary>
    DropOldest,
}
