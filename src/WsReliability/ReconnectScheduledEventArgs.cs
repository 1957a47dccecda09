using System;

namespace WsReliability;

/// <summary>A reconnect attempt is scheduled after a backoff delay.</summary>
public sealed class ReconnectScheduledEventArgs : EventArgs
{
    internal ReconnectScheduledEventArgs(int attempt, TimeSpan delay, CloseInfo? close)
    {
        Attempt = attempt;
        Delay = delay;
        Close = close;
    }

    /// <summary>1 for the first reconnect attempt after a loss (or after the failed first connect), 2 for the next, and so on.</summary>
    public int Attempt { get; }

    /// <summary>How long the client waits before the attempt (jittered exponential backoff).</summary>
    public TimeSpan Delay { get; }

    /// <summary>How the previous connection ended, or null when the previous attempt failed to connect.</summary>
    public CloseInfo? Close { get; }
}
