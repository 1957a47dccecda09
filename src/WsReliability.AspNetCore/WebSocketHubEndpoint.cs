using System;
using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WsReliability.AspNetCore.Diagnostics;
using WsReliability.AspNetCore.Liveness;
using WsReliability.Protocol;

namespace WsReliability.AspNetCore;

/// <summary>
/// Handles one upgrade request from start to end: origin check, admission (503 with Retry-After while unavailable),
/// accept with keep-alive, registration under a lease, the single writer, the receive loop (Close frames handled,
/// fragments assembled under the size cap, heartbeats answered) and the connection's handler queue. The lease is
/// released as soon as the socket ends; OnDisconnectedAsync always follows, after the received messages were handled.
/// </summary>
internal sealed class WebSocketHubEndpoint
{
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
    private readonly byte[]? _heartbeat;
    private readonly byte[] _heartbeatReply;

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
        _heartbeat = _options.HeartbeatMessage is { } heartbeat ? Encoding.UTF8.GetBytes(heartbeat) : null;
        _heartbeatReply = Encoding.UTF8.GetBytes(_options.HeartbeatReply);
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

        if (_hub.Availability == HubAvailability.Unavailable)
        {
            context.Response.Headers.RetryAfter = _hub.NextRetryAfterSeconds().ToString(CultureInfo.InvariantCulture);
            Reject(context, StatusCodes.Status503ServiceUnavailable, "unavailable", remoteAddress);
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
        var connection = new HubConnection(Guid.NewGuid().ToString("N"), socket, context, _options, _metrics, _time, _connectionLogger,
            _hub.Hints, context.Features.Get<InboundActivity>());
        ConnectionLease? lease = null;
        try
        {
            lease = _hub.Connections.TryRegister(connection);
            if (lease is null)
            {
                _metrics.Rejected("capacity");
                Log.Rejected(_logger, "capacity", remoteAddress);
                await RefuseWithTryAgainLaterAsync(socket).ConfigureAwait(false);
                return;
            }

            await RunAsync(connection, socket, lease).ConfigureAwait(false);
        }
        finally
        {
            if (lease is not null)
            {
                await lease.DisposeAsync().ConfigureAwait(false);
                await NotifyDisconnectedAsync(connection).ConfigureAwait(false);
            }

            connection.Release();
        }
    }

    private void Reject(HttpContext context, int statusCode, string reason, string? remoteAddress)
    {
        _metrics.Rejected(reason);
        Log.Rejected(_logger, reason, remoteAddress);
        context.Response.StatusCode = statusCode;
    }

    /// <summary>The hub is full: 1013 Try Again Later with a spread delay hint, waiting up to CloseTimeout for the answer.</summary>
    private async Task RefuseWithTryAgainLaterAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(_options.CloseTimeout, _time);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                var reason = RetryAfterHint.Format("Too many connections", _hub.Hints.Next(_hub.MinimumHint()));
                await socket.CloseAsync(WsCloseCodes.TryAgainLater, reason, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or System.IO.IOException)
        {
            socket.Abort();
        }
    }

    private async Task RunAsync(HubConnection connection, WebSocket socket, ConnectionLease lease)
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
            connection.ReplayOnStart(_hub.History.After(_hub.Sessions.LastSent(connection.SessionId)));
        }

        var writer = connection.RunWriterAsync();
        var handling = _dispatcher.RunAsync(connection);
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

            // The connection's life ends with its socket: out of the registry (and of MaxConnections) now, even when
            // its handler still has received messages to work through.
            await lease.DisposeAsync().ConfigureAwait(false);
            connection.InboundWriter.TryComplete();

            // Ends the writer; not a server decision, so an aborted connection still reports 1006.
            connection.RequestClose(WebSocketCloseStatus.NormalClosure, null, serverInitiated: false, flush: false);
            await writer.ConfigureAwait(false);
            _hub.Sessions.Remember(connection);
            await handling.ConfigureAwait(false);
        }
    }

    private async Task ReceiveLoopAsync(HubConnection connection, WebSocket socket)
    {
        var maxSize = _options.MaxMessageSize;
        var limit = maxSize + 1; // one byte past the cap is enough to know a message is too big
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(_options.ReceiveBufferSize, limit));
        var count = 0;
        var atMessageStart = true;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    buffer = Grow(buffer, count, limit);
                }

                var peeked = atMessageStart && connection.IsOpen ? await WaitForHandlerAsync(connection, socket).ConfigureAwait(false) : null;
                var result = peeked is not null
                    ? await peeked.ConfigureAwait(false)
                    : await socket.ReceiveAsync(buffer.AsMemory(count, Math.Min(buffer.Length, limit) - count), connection.Aborted).ConfigureAwait(false);
                connection.MarkActivity();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    connection.PeerClosed(socket.CloseStatus, socket.CloseStatusDescription);
                    return;
                }

                atMessageStart = result.EndOfMessage;
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
                    Dispatch(connection, result.MessageType, buffer.AsSpan(0, count));
                    count = 0;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or System.IO.IOException or ConnectionAbortedException)
        {
            // The peer vanished, the close handshake timed out, the connection was aborted, or the hub is stopping:
            // the caller's finally and the lease clean up.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Answers a heartbeat, or queues the message for the connection's handler (room was made before it was read).</summary>
    private void Dispatch(HubConnection connection, WebSocketMessageType type, ReadOnlySpan<byte> message)
    {
        if (type == WebSocketMessageType.Text && _heartbeat is not null && message.SequenceEqual(_heartbeat))
        {
            connection.Send(_heartbeatReply, WebSocketMessageType.Text);
            return;
        }

        connection.CountReceived();
        var inbound = new InboundMessage(type, message.ToArray(), _time.GetTimestamp(), _time.GetUtcNow());
        // Room was made before the message was read (WaitForHandlerAsync), and this loop is the queue's only writer.
        connection.InboundWriter.TryWrite(inbound);
    }

    /// <summary>
    /// Makes sure the next message has room in the connection's handler queue before it is read. Null when it has.
    /// When the handler is behind: under <see cref="InboundQueuePolicy.Close"/> the connection is closed with 1013;
    /// under <see cref="InboundQueuePolicy.Wait"/> a zero-byte receive keeps the keep-alive answered until the next
    /// data frame arrives, then the wait goes on until the handler made room or the socket died (the hub's watchdog
    /// then cancels <see cref="HubConnection.Aborted"/>). The returned receive is the next frame.
    /// </summary>
    private async Task<Task<ValueWebSocketReceiveResult>?> WaitForHandlerAsync(HubConnection connection, WebSocket socket)
    {
        var room = connection.InboundWriter.WaitToWriteAsync(connection.Aborted);
        if (room.IsCompletedSuccessfully)
        {
            return null;
        }

        if (_options.InboundQueuePolicy == InboundQueuePolicy.Close)
        {
            Log.HandlerBacklogClosed(_logger, connection.Id, connection.Inbound.Count);
            connection.CloseTryAgainLater("Handler backlog", flush: true);
            return null;
        }

        var roomTask = room.AsTask();
        var peek = socket.ReceiveAsync(Memory<byte>.Empty, connection.Aborted).AsTask();
        await Task.WhenAny(roomTask, peek).ConfigureAwait(false);
        if (peek.IsCompletedSuccessfully && peek.Result.MessageType != WebSocketMessageType.Close)
        {
            await roomTask.ConfigureAwait(false);
        }

        return peek;
    }

    private static byte[] Grow(byte[] buffer, int count, int limit)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(Math.Max(buffer.Length * 2, 1024), limit));
        buffer.AsSpan(0, count).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(buffer);
        return bigger;
    }

    /// <summary>Counts the disconnect and tells the application; never throws.</summary>
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
