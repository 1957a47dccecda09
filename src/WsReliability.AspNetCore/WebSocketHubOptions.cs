using System;
using System.Collections.Generic;

namespace WsReliability.AspNetCore;

/// <summary>
/// Options of the WebSocket hub. Every default is safe for production: bounded queues, bounded history, bounded
/// message size, a connection cap, keep-alive with a timeout, idle sweep, and same-origin only.
/// </summary>
public sealed class WebSocketHubOptions
{
    /// <summary>Most connections open at once; further upgrades are accepted and closed with 1013.</summary>
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>Largest assembled message in bytes (all fragments); a larger one closes the connection with 1009.</summary>
    public int MaxMessageSize { get; set; } = 64 * 1024;

    /// <summary>
    /// Origins allowed to connect (for example <c>https://app.example.com</c>, or <c>*</c> for any). When empty, a
    /// request with an Origin header is accepted only from the same host; a request without one (a non-browser
    /// client) is accepted.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = new List<string>();

    /// <summary>Interval of keep-alive pings sent by the server.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a ping may go unanswered before the connection is aborted (.NET 9 and newer).</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A connection that received nothing for this long is aborted by the sweep.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the idle sweep runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Capacity of each connection's outbound queue (messages).</summary>
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>What happens when a connection's outbound queue is full.</summary>
    public SlowConsumerPolicy SlowConsumerPolicy { get; set; } = SlowConsumerPolicy.Close;

    /// <summary>A single send that takes longer than this aborts the connection.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a close handshake may take before the connection is aborted.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages kept for replay (ring buffer); 0 keeps none.</summary>
    public int HistoryCapacity { get; set; } = 1000;

    /// <summary>Send the history to every new connection before live messages.</summary>
    public bool ReplayHistoryOnConnect { get; set; }

    /// <summary>Workers that run the message handler; handlers never run on the receive path.</summary>
    public int HandlerWorkers { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Capacity of the queue between receiving and the handler workers; when full, receiving waits.</summary>
    public int HandlerQueueCapacity { get; set; } = 1024;

    /// <summary>Size of the buffer a receive starts with; it grows up to <see cref="MaxMessageSize"/>.</summary>
    public int ReceiveBufferSize { get; set; } = 4 * 1024;

    /// <summary>Thresholds of the health check (the classic alert rules).</summary>
    public WebSocketHubHealthOptions Health { get; } = new();

    internal void Validate()
    {
        Require(MaxConnections > 0, nameof(MaxConnections));
        Require(MaxMessageSize > 0, nameof(MaxMessageSize));
        Require(SendQueueCapacity > 0, nameof(SendQueueCapacity));
        Require(HistoryCapacity >= 0, nameof(HistoryCapacity));
        Require(HandlerWorkers > 0, nameof(HandlerWorkers));
        Require(HandlerQueueCapacity > 0, nameof(HandlerQueueCapacity));
        Require(ReceiveBufferSize > 0, nameof(ReceiveBufferSize));
        Require(KeepAliveInterval >= TimeSpan.Zero, nameof(KeepAliveInterval));
        Require(KeepAliveTimeout > TimeSpan.Zero || KeepAliveTimeout == System.Threading.Timeout.InfiniteTimeSpan, nameof(KeepAliveTimeout));
        Require(IdleTimeout > TimeSpan.Zero, nameof(IdleTimeout));
        Require(SweepInterval > TimeSpan.Zero, nameof(SweepInterval));
        Require(SendTimeout > TimeSpan.Zero, nameof(SendTimeout));
        Require(CloseTimeout > TimeSpan.Zero, nameof(CloseTimeout));
        Health.Validate();
    }

    internal static void Require(bool condition, string name)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, $"WebSocketHubOptions.{name} is out of range.");
        }
    }
}

/// <summary>Thresholds of <see cref="Diagnostics.WebSocketHubHealthCheck"/>.</summary>
public sealed class WebSocketHubHealthOptions
{
    /// <summary>Share of connections that ended abnormally in the window above which the hub is degraded.</summary>
    public double MaxDisconnectRate { get; set; } = 0.10;

    /// <summary>Connections seen in the window below which the disconnect rate is not judged (too few to mean anything).</summary>
    public int MinConnectionsForDisconnectRate { get; set; } = 10;

    /// <summary>Mean handler lag (receive to handler start) in the window above which the hub is degraded.</summary>
    public TimeSpan MaxHandlerLag { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Managed heap size above which the hub is unhealthy.</summary>
    public long MaxMemoryBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The sliding window the rates are computed over.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(2);

    internal void Validate()
    {
        WebSocketHubOptions.Require(MaxDisconnectRate is > 0 and <= 1, nameof(MaxDisconnectRate));
        WebSocketHubOptions.Require(MinConnectionsForDisconnectRate >= 1, nameof(MinConnectionsForDisconnectRate));
        WebSocketHubOptions.Require(MaxHandlerLag > TimeSpan.Zero, nameof(MaxHandlerLag));
        WebSocketHubOptions.Require(MaxMemoryBytes > 0, nameof(MaxMemoryBytes));
        WebSocketHubOptions.Require(Window > TimeSpan.Zero, nameof(Window));
    }
}
