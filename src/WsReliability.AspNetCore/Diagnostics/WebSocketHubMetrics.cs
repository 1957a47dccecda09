using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace WsReliability.AspNetCore.Diagnostics;

/// <summary>
/// The hub's instruments on System.Diagnostics.Metrics (meter <see cref="MeterName"/>). Collect them with
/// OpenTelemetry (<c>AddMeter("WsReliability.AspNetCore")</c>) or <c>dotnet-counters</c>.
/// </summary>
public sealed class WebSocketHubMetrics : IDisposable
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "WsReliability.AspNetCore";

    /// <summary>Open connections (up-down counter).</summary>
    public const string ActiveConnections = "wshub.connections.active";

    /// <summary>Connections accepted and registered.</summary>
    public const string AcceptedConnections = "wshub.connections.accepted";

    /// <summary>Connection attempts refused; tag <c>reason</c>: origin, capacity, not_websocket.</summary>
    public const string RejectedConnections = "wshub.connections.rejected";

    /// <summary>Connections ended; tag <c>close_status</c>: the close code (1006 when aborted without a close handshake).</summary>
    public const string Disconnects = "wshub.disconnects";

    /// <summary>Messages received (assembled, within the size cap).</summary>
    public const string MessagesReceived = "wshub.messages.received";

    /// <summary>Messages sent.</summary>
    public const string MessagesSent = "wshub.messages.sent";

    /// <summary>Outbound messages dropped by the slow-consumer policy; tag <c>policy</c>.</summary>
    public const string QueueDrops = "wshub.queue.dropped";

    /// <summary>Time from receiving a message to the start of its handler, in milliseconds.</summary>
    public const string HandlerLag = "wshub.handler.lag";

    private readonly Meter _meter;
    private readonly UpDownCounter<long> _active;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _disconnects;
    private readonly Counter<long> _received;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _dropped;
    private readonly Histogram<double> _handlerLag;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public WebSocketHubMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _active = _meter.CreateUpDownCounter<long>(ActiveConnections, "{connection}", "Open WebSocket connections.");
        _accepted = _meter.CreateCounter<long>(AcceptedConnections, "{connection}", "Connections accepted.");
        _rejected = _meter.CreateCounter<long>(RejectedConnections, "{connection}", "Connection attempts refused.");
        _disconnects = _meter.CreateCounter<long>(Disconnects, "{connection}", "Connections ended, by close status.");
        _received = _meter.CreateCounter<long>(MessagesReceived, "{message}", "Messages received.");
        _sent = _meter.CreateCounter<long>(MessagesSent, "{message}", "Messages sent.");
        _dropped = _meter.CreateCounter<long>(QueueDrops, "{message}", "Outbound messages dropped for slow consumers.");
        _handlerLag = _meter.CreateHistogram<double>(HandlerLag, "ms", "Time from receive to handler start.");
    }

    internal void ConnectionOpened()
    {
        _active.Add(1);
        _accepted.Add(1);
    }

    internal void ConnectionClosed(int closeStatus)
    {
        _active.Add(-1);
        _disconnects.Add(1, new KeyValuePair<string, object?>("close_status", closeStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    internal void Rejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void MessageReceived() => _received.Add(1);

    internal void MessageSent() => _sent.Add(1);

    internal void Dropped(SlowConsumerPolicy policy, long count = 1) =>
        _dropped.Add(count, new KeyValuePair<string, object?>("policy", policy == SlowConsumerPolicy.Close ? "close" : "drop_oldest"));

    internal void RecordHandlerLag(TimeSpan lag) => _handlerLag.Record(lag.TotalMilliseconds);

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
