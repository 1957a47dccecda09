using System;

namespace WsReliability;

/// <summary>The reconnect backoff: exponential with jitter, computed by Polly.Core's retry strategy.</summary>
public sealed class ReconnectOptions
{
    /// <summary>
    /// Sets the scale of the delays: the first reconnect attempt of a run waits an even draw between 0 and 1.4 ×
    /// BaseDelay, later ones about BaseDelay × 2ⁿ (Polly's exponential backoff with decorrelated jitter). Default 2 s:
    /// the first attempts of 1,000 clients dropped together spread over 0 to 2.8 s, about 36 per 100 ms; with the
    /// second attempts of the earliest ones, the busiest 100 ms of a 10 s outage holds about 70 (docs/performance.md).
    /// Zero disables waiting (not recommended).
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest wait between two attempts the client picks itself. Default 8 s: a client is back at most this long
    /// after the server is, when the server gives no hint. A server that wants clients to wait longer says so
    /// (Retry-After on a 503 or 429, a delay hint in a 1001/1012/1013 close), and that is waited for instead, up to
    /// <see cref="MaxRetryAfter"/>.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The window a server's delay hint is spread over: the client waits the hint plus a random part of this window,
    /// so clients told the same second do not all come back in the same instant. Default 1 s, the resolution of
    /// Retry-After.
    /// </summary>
    public TimeSpan RetryAfterJitter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest server delay hint honoured; a longer one is cut to this. Default 5 minutes.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many reconnect attempts follow one loss (or the failed first connect) before the client gives up and
    /// closes; null (the default) retries forever, like gRPC. SignalR stops after 4.
    /// </summary>
    public int? MaxAttempts { get; set; }

    /// <summary>
    /// A connection that stayed open this long counts as stable: when it is lost, the backoff starts again from
    /// <see cref="BaseDelay"/>. A connection lost sooner (a server that accepts and drops at once) keeps growing the
    /// delay, so a flapping server is not hammered. Default 30 s, well above <see cref="MaxDelay"/>.
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

        if (RetryAfterJitter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryAfterJitter), "RetryAfterJitter cannot be negative.");
        }

        if (MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetryAfter), "MaxRetryAfter cannot be negative.");
        }

        if (StableConnectionTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(StableConnectionTime), "StableConnectionTime cannot be negative.");
        }
    }
}
