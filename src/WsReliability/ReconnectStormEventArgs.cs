using System;

namespace WsReliability;

/// <summary>A reconnect storm started.</summary>
public sealed class ReconnectStormEventArgs : EventArgs
{
    internal ReconnectStormEventArgs(double reconnectsPerSecond, TimeSpan window, double threshold)
    {
        ReconnectsPerSecond = reconnectsPerSecond;
        Window = window;
        Threshold = threshold;
    }

    /// <summary>The rate over the window when the storm was detected.</summary>
    public double ReconnectsPerSecond { get; }

    /// <summary>The detector's window.</summary>
    public TimeSpan Window { get; }

    /// <summary>The detector's threshold in reconnects per second.</summary>
    public double Threshold { get; }
}
