namespace WsReliability;

/// <summary>Why a message was not sent.</summary>
public enum SendRejectionReason
{
    /// <summary>The queue was full and the policy is <see cref="SendPolicy.FailFast"/>.</summary>
    QueueFull,

    /// <summary>No connection was open and the policy is <see cref="SendPolicy.FailFast"/>.</summary>
    NotConnected,

    /// <summary>A newer message pushed this one out of a full queue (<see cref="SendPolicy.DropOldest"/>).</summary>
    Dropped,

    /// <summary>The client was closed or disposed before the message went out.</summary>
    Closed,
}
