using System;

namespace WsReliability;

/// <summary>A reconnect attempt is scheduled after a delay.</summary>
public sealed class ReconnectScheduledEventArgs : EventArgs
{
    internal ReconnectScheduledEventArgs(int attempt, TimeSpan delay, CloseInfo? close, TimeSpan? retryAfter)
    {
        Attempt = attempt;
        Delay = delay;
        Close = close;
        RetryAfter = retryAfter;
    }

    /// <summary>1 for the first reconnect attempt after a loss (or after the failed first connect), 2 for the next, and so on.</summary>
    public int Attempt { get; }

    /// <summary>
    /// How long the client waits before the attempt: the jittered exponential backoff, or the server's
    /// <see cref="RetryAfter"/> plus a random part of <see cref="ReconnectOptions.RetryAfterJitter"/>.
    /// </summary>
    public TimeSpan Delay { get; }

    /// <summary>How the previous connection ended, or null when the previous attempt failed to connect.</summary>
    public CloseInfo? Close { get; }

    /// <summary>The delay the server asked for (Retry-After on a refused upgrade, a close's delay hint), or null.</summary>
    public TimeSpan? RetryAfter { get; }
}
