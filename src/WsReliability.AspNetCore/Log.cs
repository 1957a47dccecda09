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

    [LoggerMessage(8, LogLevel.Information, "Idle sweep aborted {Count} WebSocket connections")]
    public static partial void IdleSwept(ILogger logger, int count);
}
