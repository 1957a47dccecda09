using System;
using Microsoft.Extensions.Logging;

namespace WsReliability.Internal;

internal static partial class ClientLog
{
    [LoggerMessage(1, LogLevel.Debug, "WebSocket state {Previous} -> {Current} ({Uri})")]
    public static partial void StateChanged(ILogger logger, ConnectionState previous, ConnectionState current, Uri uri);

    [LoggerMessage(2, LogLevel.Information, "WebSocket connected to {Uri}")]
    public static partial void Connected(ILogger logger, Uri uri);

    [LoggerMessage(3, LogLevel.Warning, "WebSocket connect to {Uri} failed")]
    public static partial void ConnectFailed(ILogger logger, Uri uri, Exception error);

    [LoggerMessage(4, LogLevel.Warning, "WebSocket connection to {Uri} ended after {Seconds:F1} s: {Close}")]
    public static partial void ConnectionLost(ILogger logger, Uri uri, double seconds, CloseInfo close);

    [LoggerMessage(12, LogLevel.Information, "WebSocket connection to {Uri} closed after {Seconds:F1} s: {Close}")]
    public static partial void ConnectionClosed(ILogger logger, Uri uri, double seconds, CloseInfo close);

    [LoggerMessage(5, LogLevel.Information, "Reconnect attempt {Attempt} to {Uri} in {DelayMs:F0} ms")]
    public static partial void ReconnectScheduled(ILogger logger, int attempt, Uri uri, double delayMs);

    [LoggerMessage(6, LogLevel.Information, "WebSocket client for {Uri} closed: {Reason}")]
    public static partial void Closed(ILogger logger, Uri uri, string reason);

    [LoggerMessage(7, LogLevel.Warning, "Message of more than {MaxMessageSize} bytes from {Uri}: closing with 1009")]
    public static partial void MessageTooBig(ILogger logger, Uri uri, int maxMessageSize);

    [LoggerMessage(8, LogLevel.Warning, "Nothing received from {Uri} for {Seconds:F1} s: keep-alive timeout")]
    public static partial void KeepAliveTimedOut(ILogger logger, Uri uri, double seconds);

    [LoggerMessage(13, LogLevel.Warning, "WebSocket upgrade to {Uri} refused with {StatusCode} (Retry-After {RetryAfterSeconds} s)")]
    public static partial void UpgradeRefused(ILogger logger, Uri uri, int statusCode, double? retryAfterSeconds);

    [LoggerMessage(10, LogLevel.Error, "A StateChanged or ReconnectScheduled handler, or the credentials hook, threw")]
    public static partial void HandlerFailed(ILogger logger, Exception error);

    [LoggerMessage(11, LogLevel.Error, "The WebSocket client for {Uri} failed and closes")]
    public static partial void ClientFailed(ILogger logger, Uri uri, Exception error);
}
