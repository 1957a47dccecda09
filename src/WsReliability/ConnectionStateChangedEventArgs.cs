using System;

namespace WsReliability;

/// <summary>A transition of <see cref="ReconnectingWebSocketClient.State"/>.</summary>
public sealed class ConnectionStateChangedEventArgs : EventArgs
{
    internal ConnectionStateChangedEventArgs(ConnectionState previous, ConnectionState current, CloseInfo? close)
    {
        Previous = previous;
        Current = current;
        Close = close;
    }

    /// <summary>The state before the transition.</summary>
    public ConnectionState Previous { get; }

    /// <summary>The state after the transition.</summary>
    public ConnectionState Current { get; }

    /// <summary>Why the last connection ended, when the transition was caused by a lost or closed connection.</summary>
    public CloseInfo? Close { get; }
}
