using System;

namespace WsReliability;

/// <summary>The reconnect backoff: exponential with jitter, computed by Polly.Core's retry strategy.</summary>
public sealed class ReconnectOptions
{
    /// <summary>
    /// The median delay before the first reconnect attempt; later delays double (Polly's exponential backoff with
    /// decorrelated jitter: the first delay falls anywhere between 0 and about 1.4 × BaseDelay). Default 1 s, like
    /// gRPC's initial backoff. Zero disables waiting (not recommended).
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait between two attempts. Default 30 s, SignalR's longest default delay: a client is back at most
    /// this long after the server is. gRPC uses 120 s for channels that can wait; a user in front of a screen cannot.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many reconnect attempts follow one loss (or the failed first connect) before the client gives up and
    /// closes; null (the default) retries forever at most every <see cref="MaxDelay"/>, like gRPC. SignalR stops
    /// after 4.
    /// </summary>
    public int? MaxAttempts { get; set; }

    /// <summary>
    /// A connection that stayed open this long counts as stable: when it is lost, the backoff starts again from
    /// <see cref="BaseDelay"/>. A connection lost sooner (a server that accepts and drops at once) keeps growing the
    /// delay, so a flapping server is not hammered. Default 30 s.
    /// </summary>
    public TimeSpan StableConnectionTime { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (BaseDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BaseDelay), "BaseDelay cannot be negative.");
        }

        if (MaxDelay < BaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDelay), "MaxDelay must be at least BaseDelay.");
        }

        if (MaxAttempts is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), "MaxAttempts must be at least 1 (null: unlimited).");
        }

        if (StableConnectionTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StableConnectionTime), "StableConnectionTime cannot be negative.");
        }
    }
}
