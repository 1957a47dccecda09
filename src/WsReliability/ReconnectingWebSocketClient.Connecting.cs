using System;
using System.Buffers;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WsReliability.Internal;

namespace WsReliability;

public sealed partial class ReconnectingWebSocketClient
{
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
        }
        catch (Exception error) when (!stopping.IsCancellationRequested)
        {
            socket.Dispose();
            ClientLog.ConnectFailed(_logger, Uri, error);
            return AttemptOutcome.Failed(error);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

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
        return new AttemptOutcome(stable ? AttemptResult.LostAfterStable : AttemptResult.Lost, close, null);
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
        _options.ConfigureSocket?.Invoke(socketOptions);
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

        var watchdog = KeepAliveMode == KeepAliveMode.Application ? WatchAsync(connection) : Task.CompletedTask;
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

    private async Task<CloseInfo> ReceiveUntilClosedAsync(Connection connection)
    {
        var socket = connection.Socket;
        var buffer = ArrayPool<byte>.Shared.Rent(_options.ReceiveBufferSize);
        using var message = new MessageAssembler(_options.MaxMessageSize);
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), connection.Token).ConfigureAwait(false);
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

                if (result.EndOfMessage)
                {
                    var whole = new WebSocketMessage(result.MessageType, message.TakeMessage());
                    connection.ReaderBlocked = true;
                    await _inbound.Writer.WriteAsync(whole, connection.Token).ConfigureAwait(false);
                    connection.ReaderBlocked = false;
                    connection.Touch();
                    _metrics.Received();
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
