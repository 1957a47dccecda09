namespace WsReliability;

/// <summary>The names of the metrics the client publishes on System.Diagnostics.Metrics (OpenTelemetry naming).</summary>
public static class WsReliabilityMetrics
{
    /// <summary>The meter: add it to OpenTelemetry with <c>AddMeter(WsReliabilityMetrics.MeterName)</c>.</summary>
    public const string MeterName = "WsReliability.Client";

    /// <summary>Counter of reconnect attempts (not the first connect), unit {attempt}.</summary>
    public const string ReconnectAttempts = "wsreliability.client.reconnect.attempts";

    /// <summary>Histogram of how long connections stayed open, unit s, tagged with the close code.</summary>
    public const string ConnectionDuration = "wsreliability.client.connection.duration";

    /// <summary>UpDownCounter of clients per state, tagged <see cref="StateTag"/>: a state gauge that sums over clients.</summary>
    public const string Connections = "wsreliability.client.connections";

    /// <summary>UpDownCounter of messages waiting in send queues, unit {message}.</summary>
    public const string SendQueueLength = "wsreliability.client.send_queue.length";

    /// <summary>Counter of messages dropped from full send queues, unit {message}.</summary>
    public const string DroppedMessages = "wsreliability.client.messages.dropped";

    /// <summary>Counter of messages handed to the socket, unit {message}.</summary>
    public const string SentMessages = "wsreliability.client.messages.sent";

    /// <summary>Counter of whole messages received, unit {message}.</summary>
    public const string ReceivedMessages = "wsreliability.client.messages.received";

    /// <summary>The state tag of <see cref="Connections"/>: disconnected, connecting, open, reconnecting, closed.</summary>
    public const string StateTag = "wsreliability.connection.state";

    /// <summary>The close code tag of <see cref="ConnectionDuration"/> (1006 when there was no Close frame).</summary>
    public const string CloseCodeTag = "websocket.close.code";
}
