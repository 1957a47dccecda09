using Microsoft.Extensions.Logging;

namespace WsReliability.AspNetCore;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "WebSocket {ConnectionId} connected from {RemoteAddress}")]
    public static partial void Connected(ILogger logger, string connectionId, string? remoteAddress);

    [LoggerMessage(2, LogLevel.Debug, "WebSocket {ConnectionId} ended with close status {CloseStatus} after {MessagesIn} in / {MessagesOut} out")]
    public static partial void Disconnected(ILogger logger, string connectionId, int closeStatus, long messagesIn, long messagesOut);

    [LoggerMessage(3, LogLevel.Information, "WebSocket refused ({Reason}) from {RemoteAddress}")]
    public static partial void Rejected(ILogger logger, string reason, string? remoteAddress);

    [LoggerMessage(4, LogLevel.Warning, "WebSocket {ConnectionId} closed as a slow consumer ({Queued} messages queued)")]
    public static partial void SlowConsumerClosed(ILogger logger, string connectionId, int queued);

    [LoggerMessage(5, LogLevel.Debug, "WebSocket {ConnectionId} writer stopped: {Reason}")]
    public static partial void WriterStopped(ILogger logger, string connectionId, string reason);

    [LoggerMessage(6, LogLevel.Information, "WebSocket {ConnectionId} sent a message above {MaxMessageSize} bytes: closing with 1009")]
    public static partial void MessageTooBig(ILogger logger, string connectionId, int maxMessageSize);

    [LoggerMessage(7, LogLevel.Error, "WebSocket hub handler failed in {Callback} for {ConnectionId}")]
    public static partial void HandlerFailed(ILogger logger, System.Exception exception, string callback, string connectionId);

    [LoggerMessage(8, LogLevel.Information, "Idle sweep closes {Count} WebSocket connections with 1001")]
    public static partial void IdleSwept(ILogger logger, int count);

    [LoggerMessage(9, LogLevel.Warning, "WebSocket {ConnectionId}: the hub stopped with {Count} received messages not handled")]
    public static partial void HandlingStopped(ILogger logger, string connectionId, int count);

    [LoggerMessage(10, LogLevel.Information, "WebSocket hub unavailable: upgrades are answered 503 with Retry-After")]
    public static partial void Unavailable(ILogger logger);

    [LoggerMessage(11, LogLevel.Information, "WebSocket hub available")]
    public static partial void Available(ILogger logger);

    [LoggerMessage(12, LogLevel.Information, "WebSocket hub draining {Count} connections with 1001 over {Seconds:F1} s")]
    public static partial void Draining(ILogger logger, int count, double seconds);

    [LoggerMessage(13, LogLevel.Information, "WebSocket {ConnectionId}: handler {Queued} messages behind, closing with 1013")]
    public static partial void HandlerBacklogClosed(ILogger logger, string connectionId, int queued);
}
