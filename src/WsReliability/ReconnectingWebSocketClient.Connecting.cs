using System;
using System.Buffers;
using System.Net;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WsReliability.Internal;
using WsReliability.Protocol;

namespace WsReliability;

public sealed partial class ReconnectingWebSocketClient
{
    /// <summary>How often a connection whose application is not reading is checked for a socket the keep-alive aborted.</summary>
    private static readonly TimeSpan SocketPollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Only the supervisor touches it: a refresh was just made, so another 401 is final.</summary>
    private bool _credentialsRefreshed;

    /// <summary>The only code that connects: one attempt at a time, for the client's whole life.</summary>
    private async Task SuperviseAsync()
    {
        AttemptOutcome outcome;
        string reason;
        try
        {
            outcome = await _backoff.RunAsync(AttemptAsync, _stop.Token).ConfigureAwait(false);
            reason = outcome.Result == AttemptResult.Final
                ? "no reconnect after " + outcome.Close
                : $"gave up after {_options.Reconnect.MaxAttempts} reconnect attempts";
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            outcome = new AttemptOutcome(AttemptResult.Final, Volatile.Read(ref _closeRequested), null);
            reason = "closed by the application";
        }
        catch (Exception error)
        {
            // A fault in the client itself: close rather than leave a client that silently never reconnects.
            ClientLog.ClientFailed(_logger, Uri, error);
            outcome = AttemptOutcome.Failed(error);
            reason = "internal error: " + error.Message;
        }

        Finish(outcome.Close ?? (outcome.Error is null ? null : CloseInfo.FromError(outcome.Error)), reason);
    }

    private async ValueTask<AttemptOutcome> AttemptAsync(CancellationToken stopping)
    {
        if (Interlocked.Increment(ref _attempts) > 1)
        {
            _metrics.ReconnectAttempt();
            _options.StormDetector?.RecordReconnect();
        }

        var socket = new ClientWebSocket();
        try
        {
            ConfigureSocket(socket.Options);
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
            await socket.ConnectAsync(Uri, linked.Token).ConfigureAwait(false);
            socket.HttpResponseHeaders = null;
        }
        catch (Exception error) when (!stopping.IsCancellationRequested)
        {
            var response = UpgradeResponse.Read(socket, _time);
            socket.Dispose();
            return await ConnectFailedAsync(error, response, stopping).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _credentialsRefreshed = false;
        using var connection = new Connection(socket, stopping, _time);
        var close = await RunConnectionAsync(connection).ConfigureAwait(false);
        var openFor = connection.OpenFor;
        Volatile.Write(ref _lastClose, close);
        _metrics.ConnectionEnded(openFor.TotalSeconds, close);
        if (stopping.IsCancellationRequested || Volatile.Read(ref _closeRequested) is not null || !ShouldReconnect(close))
        {
            ClientLog.ConnectionClosed(_logger, Uri, openFor.TotalSeconds, close);
            stopping.ThrowIfCancellationRequested();
            return new AttemptOutcome(AttemptResult.Final, close, null);
        }

        ClientLog.ConnectionLost(_logger, Uri, openFor.TotalSeconds, close);
        SetState(ConnectionState.Reconnecting, close);
        var stable = openFor >= _options.Reconnect.StableConnectionTime;
        return new AttemptOutcome(stable ? AttemptResult.LostAfterStable : AttemptResult.Lost, close, null, close.RetryAfter);
    }

    /// <summary>
    /// Decides after a failed connect by the server's answer: 401 refreshes the credentials (once in a row), a 4xx
    /// that will not change ends the client, anything else is retried after the server's Retry-After or the backoff.
    /// </summary>
    private async ValueTask<AttemptOutcome> ConnectFailedAsync(Exception error, UpgradeResponse response, CancellationToken stopping)
    {
        if (response.StatusCode == 0)
        {
            _credentialsRefreshed = false;
            ClientLog.ConnectFailed(_logger, Uri, error);
            return AttemptOutcome.Failed(error);
        }

        var refused = new HttpRequestException(
            $"The server refused the WebSocket upgrade with {response.StatusCode} {(HttpStatusCode)response.StatusCode}.",
            error, (HttpStatusCode)response.StatusCode);
        ClientLog.UpgradeRefused(_logger, Uri, response.StatusCode, response.RetryAfter?.TotalSeconds);
        var retry = response.StatusCode == (int)HttpStatusCode.Unauthorized
            ? await TryRefreshCredentialsAsync(stopping).ConfigureAwait(false)
            : !CloseCodePolicy.IsPermanentUpgradeFailure(response.StatusCode);
        if (response.StatusCode != (int)HttpStatusCode.Unauthorized)
        {
            _credentialsRefreshed = false;
        }

        if (!retry)
        {
            var close = CloseInfo.FromError(refused);
            Volatile.Write(ref _lastClose, close);
            return new AttemptOutcome(AttemptResult.Final, close, refused);
        }

        return AttemptOutcome.Failed(refused, response.RetryAfter);
    }

    /// <summary>True when the credential hook refreshed the credentials; false without a hook, when it declines or throws, or when a refresh just failed.</summary>
    private async ValueTask<bool> TryRefreshCredentialsAsync(CancellationToken stopping)
    {
        if (_options.RefreshCredentialsAsync is not { } refresh || _credentialsRefreshed)
        {
            return false;
        }

        try
        {
            _credentialsRefreshed = await refresh(stopping).ConfigureAwait(false);
        }
        catch (Exception hookError) when (hookError is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            ClientLog.HandlerFailed(_logger, hookError);
            _credentialsRefreshed = false;
        }

        return _credentialsRefreshed;
    }

    private bool ShouldReconnect(CloseInfo close)
    {
        try
        {
            return (_options.ShouldReconnect ?? CloseCodePolicy.ShouldReconnect)(close);
        }
        catch (Exception error)
        {
            ClientLog.HandlerFailed(_logger, error);
            return CloseCodePolicy.ShouldReconnect(close);
        }
    }

    private void ConfigureSocket(ClientWebSocketOptions socketOptions)
    {
        socketOptions.KeepAliveInterval = _options.KeepAliveInterval;
#if NET9_0_OR_GREATER
        if (KeepAliveMode == KeepAliveMode.Protocol)
        {
            socketOptions.KeepAliveTimeout = _options.KeepAliveTimeout;
        }
#endif
        socketOptions.SetRequestHeader(WireNames.SessionHeader, SessionId);
        _options.ConfigureSocket?.Invoke(socketOptions);
        socketOptions.CollectHttpResponseDetails = true;
    }

    private KeepAliveMode KeepAliveMode =>
#if NET9_0_OR_GREATER
        _options.KeepAliveMode == KeepAliveMode.Auto ? KeepAliveMode.Protocol : _options.KeepAliveMode;
#else
        KeepAliveMode.Application;
#endif

    private async Task<CloseInfo> RunConnectionAsync(Connection connection)
    {
        TaskCompletionSource<Connection> opened;
        lock (_stateLock)
        {
            _connection = connection;
            opened = _opened;
        }

        ClientLog.Connected(_logger, Uri);
        SetState(ConnectionState.Open, null);
        _firstOpen.TrySetResult();
        opened.TrySetResult(connection);
        if (Volatile.Read(ref _closeRequested) is { } requested)
        {
            await SendCloseAsync(connection, requested.Status ?? WebSocketCloseStatus.NormalClosure, requested.Description).ConfigureAwait(false);
        }

        var watchdog = KeepAliveMode == KeepAliveMode.Application && _options.HeartbeatMessage is not null
            ? WatchAsync(connection)
            : Task.CompletedTask;
        try
        {
            return await ReceiveUntilClosedAsync(connection).ConfigureAwait(false);
        }
        finally
        {
            lock (_stateLock)
            {
                _connection = null;
                _opened = NewOpenedSource();
            }

            connection.End();
            await watchdog.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Receives whole messages into the inbound queue until the connection ends. A message is read only when the queue
    /// has room for it; while the application is behind, a zero-byte receive keeps control frames flowing (PINGs
    /// answered, PONGs seen by the keep-alive, a Close frame noticed) until the next data frame arrives.
    /// </summary>
    private async Task<CloseInfo> ReceiveUntilClosedAsync(Connection connection)
    {
        var socket = connection.Socket;
        var buffer = ArrayPool<byte>.Shared.Rent(_options.ReceiveBufferSize);
        using var message = new MessageAssembler(_options.MaxMessageSize);
        var atMessageStart = true;
        try
        {
            while (true)
            {
                var peeked = atMessageStart ? await WaitForRoomAsync(connection).ConfigureAwait(false) : null;
                var result = peeked is not null
                    ? await peeked.ConfigureAwait(false)
                    : await socket.ReceiveAsync(buffer.AsMemory(), connection.Token).ConfigureAwait(false);
                connection.Touch();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerCloseAsync(connection).ConfigureAwait(false);
                    return connection.EndReason ?? new CloseInfo(socket.CloseStatus, socket.CloseStatusDescription, null, false);
                }

                if (!message.TryAppend(buffer.AsSpan(0, result.Count)))
                {
                    ClientLog.MessageTooBig(_logger, Uri, _options.MaxMessageSize);
                    await SendCloseAsync(connection, WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {_options.MaxMessageSize} bytes").ConfigureAwait(false);
                    await DiscardUntilCloseAsync(connection, buffer).ConfigureAwait(false);
                    return connection.EndReason!;
                }

                atMessageStart = result.EndOfMessage;
                if (result.EndOfMessage)
                {
                    var whole = new WebSocketMessage(result.MessageType, message.TakeMessage());
                    if (!IsHeartbeatReply(whole) && _inbound.Writer.TryWrite(whole))
                    {
                        _metrics.Received();
                    }
                }
            }
        }
        catch (Exception error) when (!_stop.IsCancellationRequested || error is not OperationCanceledException)
        {
            return connection.EndReason ?? CloseInfo.FromError(error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Returns at once (null) when the inbound queue has room for a message; this loop is its only writer, so the room
    /// stays. Otherwise it starts a zero-byte receive, waits for room, and returns that receive, to be awaited as the
    /// next frame. When a data frame arrives before room does, the socket cannot be read on: the wait then watches the
    /// socket, so a connection the keep-alive gave up ends now, not when the application reads again.
    /// </summary>
    private async Task<Task<ValueWebSocketReceiveResult>?> WaitForRoomAsync(Connection connection)
    {
        var room = _inbound.Writer.WaitToWriteAsync(connection.Token);
        if (room.IsCompletedSuccessfully)
        {
            return null;
        }

        connection.ReaderBlocked = true;
        try
        {
            var roomTask = room.AsTask();
            var peek = connection.Socket.ReceiveAsync(Memory<byte>.Empty, connection.Token).AsTask();
            await Task.WhenAny(roomTask, peek).ConfigureAwait(false);
            if (peek.IsCompletedSuccessfully && peek.Result.MessageType != WebSocketMessageType.Close)
            {
                while (!roomTask.IsCompleted)
                {
                    if (connection.Socket.State != WebSocketState.Open)
                    {
                        throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely,
                            "The connection was lost while the application was not reading (keep-alive timeout or abort).");
                    }

                    await Task.WhenAny(roomTask, Task.Delay(SocketPollInterval, _time, connection.Token)).ConfigureAwait(false);
                }
            }

            return peek;
        }
        finally
        {
            connection.ReaderBlocked = false;
        }
    }

    private bool IsHeartbeatReply(WebSocketMessage message)
    {
        var isReply = KeepAliveMode == KeepAliveMode.Application
            && message.Type == WebSocketMessageType.Text
            && _options.HeartbeatReply is { } reply
            && message.Data.Length == Encoding.UTF8.GetByteCount(reply)
            && message.Text == reply;
        if (isReply)
        {
            Interlocked.Increment(ref _heartbeatReplies);
        }

        return isReply;
    }

    /// <summary>After this side sent Close: reads and drops data until the peer's Close arrives or CloseTimeout passes.</summary>
    private async Task DiscardUntilCloseAsync(Connection connection, byte[] buffer)
    {
        using var timeout = new CancellationTokenSource(_options.CloseTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(connection.Token, timeout.Token);
        try
        {
            while (connection.Socket.State == WebSocketState.CloseSent)
            {
                var result = await connection.Socket.ReceiveAsync(buffer.AsMemory(), linked.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            connection.Socket.Abort();
        }
    }

    /// <summary>Completes the close handshake the peer started by echoing its code.</summary>
    private async Task AnswerCloseAsync(Connection connection)
    {
        var socket = connection.Socket;
        if (socket.State == WebSocketState.CloseReceived)
        {
            await SendCloseAsync(connection, socket.CloseStatus ?? WebSocketCloseStatus.Empty, null, recordReason: false).ConfigureAwait(false);
        }
    }

    /// <summary>Sends a Close frame through the send gate (never concurrently with a data frame), within CloseTimeout.</summary>
    private async Task SendCloseAsync(Connection connection, WebSocketCloseStatus status, string? description, bool recordReason = true)
    {
        if (recordReason)
        {
            connection.TrySetEndReason(new CloseInfo(status, description, null, true));
        }

        using var timeout = new CancellationTokenSource(_options.CloseTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(connection.Token, timeout.Token);
        try
        {
            await _sendGate.WaitAsync(linked.Token).ConfigureAwait(false);
            try
            {
                if (connection.Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                {
                    await connection.Socket.CloseOutputAsync(status, description, linked.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendGate.Release();
            }
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            connection.Socket.Abort();
        }
    }
}
