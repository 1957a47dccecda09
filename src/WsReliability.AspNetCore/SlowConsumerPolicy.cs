namespace WsReliability.AspNetCore;

/// <summary>What the hub does with a connection whose outbound queue is full.</summary>
public enum SlowConsumerPolicy
{
    /// <summary>Close the connection with 1008 (policy violation); it may reconnect and replay history.</summary>
    Close,

    /// <summary>Keep the connection and drop its oldest queued messages to make room.</summary>
    DropOldest,
}
