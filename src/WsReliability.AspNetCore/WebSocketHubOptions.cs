using System;
using System.Collections.Generic;
using WsReliability.Protocol;

namespace WsReliability.AspNetCore;

/// <summary>
/// Options of the WebSocket hub. Every default is safe for production: bounded queues, bounded history, bounded
/// message size, a connection cap, keep-alive with a timeout, idle sweep, spread reconnect hints, and same-origin only.
/// </summary>
public sealed class WebSocketHubOptions
{
    /// <summary>
    /// Most connections open at once; further upgrades are accepted and closed with 1013 Try Again Later and a delay
    /// hint (spread at <see cref="AdmissionRate"/>).
    /// </summary>
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

    /// <summary>
    /// A connection from which nothing at all arrived for this long (no message, no heartbeat, no PING or PONG) is
    /// closed by the sweep with 1001. A peer whose keep-alive works is never idle this long.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the idle sweep runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The burst a connection's outbound queue absorbs, in messages: a peer counts as a slow consumer only when more
    /// than this many messages (or <see cref="SendQueueMaxBytes"/>) wait for it. Default 4,096: a burst of a few
    /// thousand broadcasts in a tight loop reaches fast peers whole.
    /// </summary>
    public int SendQueueCapacity { get; set; } = 4096;

    /// <summary>
    /// The burst a connection's outbound queue absorbs, in payload bytes (a broadcast payload is shared, but counts for
    /// every queue it waits in). Default 16 MiB.
    /// </summary>
    public long SendQueueMaxBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>What happens when a connection's outbound queue is over its bounds.</summary>
    public SlowConsumerPolicy SlowConsumerPolicy { get; set; } = SlowConsumerPolicy.Close;

    /// <summary>A single send that takes longer than this aborts the connection.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a close handshake (after the queued messages are flushed) may take before the connection is aborted.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Messages kept for replay (ring buffer); 0 keeps none.</summary>
    public int HistoryCapacity { get; set; } = 1000;

    /// <summary>
    /// Send the history to every new connection before live messages. A returning client session (the
    /// WsReliability-Session header of ReconnectingWebSocketClient) gets only what followed the last message its
    /// previous connection was sent.
    /// </summary>
    public bool ReplayHistoryOnConnect { get; set; }

    /// <summary>
    /// How many handler calls run at once across the hub. Handlers never run on the receive path; the messages of one
    /// connection are handled one after the other, in the order they arrived.
    /// </summary>
    public int HandlerWorkers { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>
    /// Received messages of one connection waiting for its handler. When they reach this many,
    /// <see cref="InboundQueuePolicy"/> decides; other connections are not affected. Default 64.
    /// </summary>
    public int InboundQueueCapacity { get; set; } = 64;

    /// <summary>What happens when a connection's handler falls <see cref="InboundQueueCapacity"/> messages behind.</summary>
    public InboundQueuePolicy InboundQueuePolicy { get; set; } = InboundQueuePolicy.Wait;

    /// <summary>Size of the buffer a receive starts with; it grows up to <see cref="MaxMessageSize"/>.</summary>
    public int ReceiveBufferSize { get; set; } = 4 * 1024;

    /// <summary>
    /// How many clients per second the hub asks back when it turns them away (503 while unavailable, 1001 when
    /// draining, 1013 when full or for a slow consumer): each delay hint it gives is at least <see cref="RetryAfter"/>
    /// and one 1/AdmissionRate second later than the previous one, so clients turned away together come back spread
    /// out. Default 300 per second: 1,000 clients back within about 4.5 s, at most about 40 in any 100 ms.
    /// </summary>
    public double AdmissionRate { get; set; } = 300;

    /// <summary>
    /// The least delay the hub asks for when it turns clients away (the hint of a 1001, 1013 or 503 + Retry-After,
    /// see docs/runtime.md), unless <see cref="WebSocketHub.SetUnavailable"/> gives a longer one. Default 5 s.
    /// </summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Draining (shutdown, <see cref="WebSocketHub.DrainAsync"/>) closes connections one after the other, at most
    /// <see cref="AdmissionRate"/> per second and all within this window. Keep it below the host's ShutdownTimeout.
    /// Default 10 s.
    /// </summary>
    public TimeSpan DrainWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The application-level heartbeat of clients without protocol keep-alive (ReconnectingWebSocketClient on .NET 8
    /// sends <c>"ping"</c>): a text message equal to it is answered with <see cref="HeartbeatReply"/> and not given to
    /// the handler. Null turns this off.
    /// </summary>
    public string? HeartbeatMessage { get; set; } = WireNames.Heartbeat;

    /// <summary>The answer to <see cref="HeartbeatMessage"/>. Default <c>"pong"</c>.</summary>
    public string HeartbeatReply { get; set; } = WireNames.HeartbeatReply;

    /// <summary>Thresholds of the health check (the classic alert rules).</summary>
    public WebSocketHubHealthOptions Health { get; } = new();

    internal void Validate()
    {
        Require(MaxConnections > 0, nameof(MaxConnections));
        Require(MaxMessageSize > 0, nameof(MaxMessageSize));
        Require(SendQueueCapacity > 0, nameof(SendQueueCapacity));
        Require(HistoryCapacity >= 0, nameof(HistoryCapacity));
        Require(SendQueueMaxBytes > 0, nameof(SendQueueMaxBytes));
        Require(HandlerWorkers > 0, nameof(HandlerWorkers));
        Require(InboundQueueCapacity > 0, nameof(InboundQueueCapacity));
        Require(AdmissionRate > 0 && !double.IsInfinity(AdmissionRate), nameof(AdmissionRate));
        Require(RetryAfter >= TimeSpan.Zero, nameof(RetryAfter));
        Require(DrainWindow >= TimeSpan.Zero, nameof(DrainWindow));
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
