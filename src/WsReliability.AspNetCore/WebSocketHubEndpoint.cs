using System;
using System.Buffers;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WsReliability.AspNetCore.Diagnostics;

namespace WsReliability.AspNetCore;

/// <summary>
/// Handles one upgrade request from start to end: origin check, accept with keep-alive, registration under a lease,
/// the single writer, and the receive loop (Close frames handled, fragments assembled under the size cap).
/// </summary>
internal sealed class WebSocketHubEndpoint
{
    private static readonly WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    private readonly WebSocketHub _hub;
    private readonly MessageDispatcher _dispatcher;
    private readonly WebSocketHubHandler _handler;
    private readonly HubStatistics _statistics;
    private readonly WebSocketHubMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<WebSocketHubEndpoint> _logger;
    private readonly ILogger<HubConnection> _connectionLogger;
    private readonly OriginPolicy _origins;
    private readonly WebSocketHubOptions _options;

    public WebSocketHubEndpoint(WebSocketHub hub, MessageDispatcher dispatcher, WebSocketHubHandler handler, HubStatistics statistics,
        TimeProvider time, ILogger<WebSocketHubEndpoint> logger, ILogger<HubConnection> connectionLogger)
    {
        _hub = hub;
        _dispatcher = dispatcher;
        _handler = handler;
        _statistics = statistics;
        _metrics = hub.Metrics;
        _time = time;
        _logger = logger;
        _connectionLogger = connectionLogger;
        _options = hub.Options;
        _origins = new OriginPolicy(_options.AllowedOrigins);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var remoteAddress = context.Connection.RemoteIpAddress?.ToString();
        if (!context.WebSockets.IsWebSocketRequest)
        {
            Reject(context, StatusCodes.Status400BadRequest, "not_websocket", remoteAddress);
            return;
        }

        string? origin = context.Request.Headers.Origin;
        if (!_origins.IsAllowed(origin, context.Request.Host.Value))
        {
            Reject(context, StatusCodes.Status403Forbidden, "origin", remoteAddress);
            return;
        }

        var acceptContext = new WebSocketAcceptContext
        {
            KeepAliveInterval = _options.KeepAliveInterval,
#if NET9_0_OR_GREATER
            KeepAliveTimeout = _options.KeepAliveTimeout,
#endif
            DangerousEnableCompression = false,
        };
        using var socket = await context.WebSockets.AcceptWebSocketAsync(acceptContext).ConfigureAwait(false);
        var connection = new HubConnection(Guid.NewGuid().ToString("N"), socket, context, _options, _metrics, _time, _connectionLogger);
        var lease = _hub.Connections.TryRegister(connection);
        if (lease is null)
        {
            _metrics.Rejected("capacity");
            Log.Rejected(_logger, "capacity", remoteAddress);
            await RefuseWithTryAgainLaterAsync(socket).ConfigureAwait(false);
            connection.Release();
            return;
        }

        await using (lease.ConfigureAwait(false))
        {
            await RunAsync(connection, socket).ConfigureAwait(false);
        }

        // Removed from the registry by the lease before the application hears of the disconnect.
        await NotifyDisconnectedAsync(connection).ConfigureAwait(false);
        connection.Release();
    }

    private void Reject(HttpContext context, int statusCode, string reason, string? remoteAddress)
    {
        _metrics.Rejected(reason);
        Log.Rejected(_logger, reason, remoteAddress);
        context.Response.StatusCode = statusCode;
    }

    private async Task RefuseWithTryAgainLaterAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(_options.CloseTimeout, _time);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseAsync(TryAgainLater, "Too many connections, try again later", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or System.IO.IOException)
        {
            socket.Abort();
        }
    }

    private async Task RunAsync(HubConnection connection, WebSocket socket)
    {
        Log.Connected(_logger, connection.Id, connection.RemoteAddress);
        try
        {
            await _handler.OnConnectedAsync(connection, connection.Aborted).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(_logger, ex, nameof(WebSocketHubHandler.OnConnectedAsync), connection.Id);
            connection.Close(WebSocketCloseStatus.InternalServerError, "Connection setup failed");
        }

        if (_options.ReplayHistoryOnConnect && !connection.ReplaySet)
        {
            connection.ReplayOnStart(_hub.History.Snapshot());
        }

        var writer = connection.RunWriterAsync();
        try
        {
            await ReceiveLoopAsync(connection, socket).ConfigureAwait(false);
        }
        finally
        {
            if (socket.State is not (WebSocketState.Closed or WebSocketState.CloseReceived))
            {
                connection.Abort();
            }

            // Ends the writer; not a server decision, so an aborted connection still reports 1006.
            connection.RequestClose(WebSocketCloseStatus.NormalClosure, null, serverInitiated: false);
            await writer.ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(HubConnection connection, WebSocket socket)
    {
        var maxSize = _options.MaxMessageSize;
        var limit = maxSize + 1; // one byte past the cap is enough to know a message is too big
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(_options.ReceiveBufferSize, limit));
        var count = 0;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    buffer = Grow(buffer, count, limit);
                }

                var free = buffer.AsMemory(count, Math.Min(buffer.Length, limit) - count);
                var result = await socket.ReceiveAsync(free, connection.Aborted).ConfigureAwait(false);
                connection.MarkActivity();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    connection.PeerClosed(socket.CloseStatus, socket.CloseStatusDescription);
                    return;
                }

                if (!connection.IsOpen)
                {
                    // Closing: read on only to receive the peer's Close frame, discarding data.
                    count = 0;
                    continue;
                }

                count += result.Count;
                if (count > maxSize)
                {
                    Log.MessageTooBig(_logger, connection.Id, maxSize);
                    connection.Close(WebSocketCloseStatus.MessageTooBig, $"Message larger than {maxSize} bytes");
                    count = 0;
                    continue;
                }

                if (result.EndOfMessage)
                {
                    connection.CountReceived();
                    var message = buffer.AsSpan(0, count).ToArray();
                    count = 0;
                    await _dispatcher.EnqueueAsync(connection, result.MessageType, message, connection.Aborted).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or System.IO.IOException or ConnectionAbortedException
            or System.Threading.Channels.ChannelClosedException)
        {
            // The peer vanished, the close handshake timed out, the connection was aborted, or the hub is stopping:
            // the finally of the caller and the lease clean up.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static byte[] Grow(byte[] buffer, int count, int limit)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(buffer.Length * 2, 1024), limit));
        buffer.AsSpan(0, count).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }

    private async Task NotifyDisconnectedAsync(HubConnection connection)
    {
        var status = connection.ResolveCloseStatus();
        _metrics.ConnectionClosed(status);
        _statistics.ConnectionEnded(status);
        Log.Disconnected(_logger, connection.Id, status, connection.MessagesIn, connection.MessagesOut);
        try
        {
            await _handler.OnDisconnectedAsync(connection, status, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(_logger, ex, nameof(WebSocketHubHandler.OnDisconnectedAsync), connection.Id);
        }
    }
}
