using System;
using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WsReliability.Protocol;

namespace WsReliability;

/// <summary>Settings of a <see cref="ReconnectingWebSocketClient"/>. The defaults are explained in docs/runtime.md.</summary>
public sealed class ReconnectingWebSocketOptions
{
    /// <summary>The reconnect backoff.</summary>
    public ReconnectOptions Reconnect { get; set; } = new();

    /// <summary>
    /// Decides per close whether to reconnect. Null (the default) uses <see cref="CloseCodePolicy.ShouldReconnect"/>.
    /// A close this client started (user close, dispose) never reconnects, whatever the hook says.
    /// </summary>
    public Func<CloseInfo, bool>? ShouldReconnect { get; set; }

    /// <summary>How long one connect (TCP, TLS and the upgrade) may take. Default 20 s, gRPC's minimum connect timeout.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How a dead peer is detected. Default <see cref="KeepAliveMode.Auto"/>.</summary>
    public KeepAliveMode KeepAliveMode { get; set; } = KeepAliveMode.Auto;

    /// <summary>
    /// How often the connection is probed. Default 15 s: below the common 30–60 s idle timeouts of proxies and load
    /// balancers, so an idle connection is not cut by them.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long an unanswered probe is tolerated before the connection is declared dead and replaced. Default 10 s:
    /// a dead peer is found within 25 s.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The heartbeat sent every KeepAliveInterval in <see cref="KeepAliveMode.Application"/> (a text message). Default
    /// <c>"ping"</c>, which the WsReliability.AspNetCore hub answers with <see cref="HeartbeatReply"/>; a server of
    /// your own must answer it too (or send traffic of its own within KeepAliveInterval + KeepAliveTimeout). Null sends
    /// none and turns the watchdog off: without a heartbeat a quiet connection cannot be told from a dead one, so it is
    /// not judged (dead peers are then found only when a send fails).
    /// </summary>
    public string? HeartbeatMessage { get; set; } = WireNames.Heartbeat;

    /// <summary>
    /// The server's answer to the heartbeat: in <see cref="KeepAliveMode.Application"/> a text message equal to it counts
    /// as traffic and is not handed to the application. Default <c>"pong"</c> (the hub's answer); null hands everything over.
    /// </summary>
    public string? HeartbeatReply { get; set; } = WireNames.HeartbeatReply;

    /// <summary>
    /// Called when the server answers an upgrade with 401 Unauthorized: refresh the credentials that
    /// <see cref="ConfigureSocket"/> puts on the request (a token in a header, a cookie) and return true to try again
    /// after the backoff delay, or false to give up. Without it, or when it returns false, or when the server answers
    /// 401 again right after a refresh, the client closes and <see cref="ReconnectingWebSocketClient.StartAsync"/>
    /// fails with an HttpRequestException carrying the status.
    /// </summary>
    public Func<CancellationToken, ValueTask<bool>>? RefreshCredentialsAsync { get; set; }

    /// <summary>The largest message accepted; a bigger one closes the connection with 1009 (Message Too Big). Default 1 MiB.</summary>
    public int MaxMessageSize { get; set; } = 1024 * 1024;

    /// <summary>The size of one receive call's buffer. Default 16 KiB.</summary>
    public int ReceiveBufferSize { get; set; } = 16 * 1024;

    /// <summary>How many whole received messages wait for the reader before receiving pauses (backpressure). Default 1,024.</summary>
    public int ReceiveQueueCapacity { get; set; } = 1024;

    /// <summary>How many messages wait to be sent. Default 1,024.</summary>
    public int SendQueueCapacity { get; set; } = 1024;

    /// <summary>What SendAsync does when the queue is full or the connection is down. Default <see cref="SendPolicy.Wait"/>.</summary>
    public SendPolicy SendPolicy { get; set; } = SendPolicy.Wait;

    /// <summary>How long a close handshake may take before the connection is aborted. Default 5 s.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Called on every new ClientWebSocket's options (headers, subprotocols, certificates, proxy) before it connects.
    /// The client sets the session header (<c>WsReliability-Session</c>) before, and CollectHttpResponseDetails after it
    /// (the client reads the status and Retry-After of a refused upgrade).
    /// </summary>
    public Action<ClientWebSocketOptions>? ConfigureSocket { get; set; }

    /// <summary>The clock for every delay, timeout and duration. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Creates the meter (dependency injection's IMeterFactory); null uses a shared meter named <see cref="WsReliabilityMetrics.MeterName"/>.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>A storm detector to report every reconnect attempt to; share one between all clients of a process.</summary>
    public ReconnectStormDetector? StormDetector { get; set; }

    /// <summary>Test hook: the random source of the backoff jitter (values in [0, 1)).</summary>
    internal Func<double>? Randomizer { get; set; }

    internal void Validate()
    {
        Reconnect.Validate();
        Positive(ConnectTimeout, nameof(ConnectTimeout));
        Positive(KeepAliveInterval, nameof(KeepAliveInterval));
        Positive(KeepAliveTimeout, nameof(KeepAliveTimeout));
        Positive(CloseTimeout, nameof(CloseTimeout));
        Positive(MaxMessageSize, nameof(MaxMessageSize));
        Positive(ReceiveBufferSize, nameof(ReceiveBufferSize));
        Positive(ReceiveQueueCapacity, nameof(ReceiveQueueCapacity));
        Positive(SendQueueCapacity, nameof(SendQueueCapacity));
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, name + " must be positive.");
        }
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, name + " must be positive.");
        }
    }
}
