using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace WsReliability.Internal;

/// <summary>The client's instruments, created once per meter and shared by every client on it.</summary>
internal sealed class ClientMetrics
{
    private static readonly Meter SharedMeter = new(WsReliabilityMetrics.MeterName, typeof(ClientMetrics).Assembly.GetName().Version?.ToString());
    private static readonly ConditionalWeakTable<Meter, ClientMetrics> ByMeter = new();
    private static readonly string[] StateNames = ["disconnected", "connecting", "open", "reconnecting", "closed"];

    private readonly Counter<long> _reconnectAttempts;
    private readonly Histogram<double> _connectionDuration;
    private readonly UpDownCounter<long> _connections;
    private readonly UpDownCounter<long> _sendQueueLength;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _received;

    private ClientMetrics(Meter meter)
    {
        _reconnectAttempts = meter.CreateCounter<long>(WsReliabilityMetrics.ReconnectAttempts, "{attempt}", "Reconnect attempts (the first connect is not counted).");
        _connectionDuration = meter.CreateHistogram<double>(WsReliabilityMetrics.ConnectionDuration, "s", "How long WebSocket connections stayed open.");
        _connections = meter.CreateUpDownCounter<long>(WsReliabilityMetrics.Connections, "{client}", "Clients per connection state.");
        _sendQueueLength = meter.CreateUpDownCounter<long>(WsReliabilityMetrics.SendQueueLength, "{message}", "Messages waiting to be sent.");
        _dropped = meter.CreateCounter<long>(WsReliabilityMetrics.DroppedMessages, "{message}", "Messages dropped from full send queues.");
        _sent = meter.CreateCounter<long>(WsReliabilityMetrics.SentMessages, "{message}", "Messages handed to the socket.");
        _received = meter.CreateCounter<long>(WsReliabilityMetrics.ReceivedMessages, "{message}", "Whole messages received.");
    }

    public static ClientMetrics For(IMeterFactory? factory)
    {
        var meter = factory?.Create(new MeterOptions(WsReliabilityMetrics.MeterName)) ?? SharedMeter;
        return ByMeter.GetValue(meter, static m => new ClientMetrics(m));
    }

    public void ReconnectAttempt() => _reconnectAttempts.Add(1);

    public void ConnectionEnded(double seconds, CloseInfo close) =>
        _connectionDuration.Record(seconds, new KeyValuePair<string, object?>(WsReliabilityMetrics.CloseCodeTag, (int)(close.Status ?? (System.Net.WebSockets.WebSocketCloseStatus)1006)));

    public void StateChanged(ConnectionState from, ConnectionState to)
    {
        _connections.Add(-1, new KeyValuePair<string, object?>(WsReliabilityMetrics.StateTag, StateNames[(int)from]));
        _connections.Add(1, new KeyValuePair<string, object?>(WsReliabilityMetrics.StateTag, StateNames[(int)to]));
    }

    public void Created() => _connections.Add(1, new KeyValuePair<string, object?>(WsReliabilityMetrics.StateTag, StateNames[0]));

    /// <summary>A disposed client leaves the closed count.</summary>
    public void Removed() => _connections.Add(-1, new KeyValuePair<string, object?>(WsReliabilityMetrics.StateTag, StateNames[(int)ConnectionState.Closed]));

    public void Enqueued() => _sendQueueLength.Add(1);

    public void Dequeued() => _sendQueueLength.Add(-1);

    public void Dropped()
    {
        _sendQueueLength.Add(-1);
        _dropped.Add(1);
    }

    public void Sent() => _sent.Add(1);

    public void Received() => _received.Add(1);
}
