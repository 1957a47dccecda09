using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using WsReliability.Internal;

namespace WsReliability;

public sealed partial class ReconnectingWebSocketClient
{
    private Channel<OutboundMessage> CreateSendQueue()
    {
        var options = new BoundedChannelOptions(_options.SendQueueCapacity)
        {
            SingleReader = true,
            FullMode = _options.SendPolicy == SendPolicy.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
        };
        return Channel.CreateBounded<OutboundMessage>(options, dropped =>
        {
            _metrics.Dropped();
            dropped.Reject(SendRejectionReason.Dropped);
        });
    }

    private async ValueTask EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _closeRequested) is not null || State == ConnectionState.Closed)
        {
            throw new SendRejectedException(SendRejectionReason.Closed);
        }

        _metrics.Enqueued();
        try
        {
            if (_options.SendPolicy == SendPolicy.FailFast)
            {
                if (State != ConnectionState.Open)
                {
                    throw new SendRejectedException(SendRejectionReason.NotConnected);
                }

                if (!_outbound.Writer.TryWrite(message))
                {
                    throw new SendRejectedException(State == ConnectionState.Closed ? SendRejectionReason.Closed : SendRejectionReason.QueueFull);
                }

                return;
            }

            await _outbound.Writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            _metrics.Dequeued();
            throw new SendRejectedException(SendRejectionReason.Closed);
        }
        catch
        {
            _metrics.Dequeued();
            throw;
        }
    }

    /// <summary>
    /// The single writer: takes one message at a time from the queue and sends it on the open connection, so two
    /// sends never overlap. Messages wait in the queue while no connection is open.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        OutboundMessage? pending = null;
        try
        {
            while (true)
            {
                var connection = await NextOpenConnectionAsync().ConfigureAwait(false);
                var socketClosed = false;
                try
                {
                    if (pending is null)
                    {
                        pending = await _outbound.Reader.ReadAsync(connection.Token).ConfigureAwait(false);
                        _metrics.Dequeued();
                    }

                    await _sendGate.WaitAsync(connection.Token).ConfigureAwait(false);
                    try
                    {
                        socketClosed = connection.Socket.State != WebSocketState.Open;
                        if (!socketClosed)
                        {
                            var message = pending;
                            pending = null;
                            await SendOneAsync(connection, message).ConfigureAwait(false);
                        }
                    }
                    finally
                    {
                        _sendGate.Release();
                    }
                }
                catch (OperationCanceledException) when (connection.Token.IsCancellationRequested)
                {
                    // The connection ended while waiting: the pending message goes out on the next one.
                }

                if (socketClosed)
                {
                    await connection.Ended.WaitAsync(_stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or ChannelClosedException or ObjectDisposedException)
        {
            // The client stopped.
        }
        finally
        {
            pending?.Reject(SendRejectionReason.Closed);
        }
    }

    private async Task SendOneAsync(Connection connection, OutboundMessage message)
    {
        try
        {
            await connection.Socket.SendAsync(message.Payload, message.Type, true, connection.Token).ConfigureAwait(false);
            message.Complete();
            _metrics.Sent();
        }
        catch (Exception error)
        {
            // The connection broke during the send: whether the peer got it is unknown, so it is not sent again.
            message.Fail(error);
        }
    }

    private async Task<Connection> NextOpenConnectionAsync()
    {
        while (true)
        {
            Task<Connection> opened;
            lock (_stateLock)
            {
                opened = _opened.Task;
            }

            var connection = await opened.WaitAsync(_stop.Token).ConfigureAwait(false);
            if (!connection.Token.IsCancellationRequested)
            {
                return connection;
            }

            await connection.Ended.WaitAsync(_stop.Token).ConfigureAwait(false);
            await Task.Yield();
        }
    }
}
