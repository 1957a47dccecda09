using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace WsReliability.AspNetCore;

public sealed partial class HubConnection
{
    /// <summary>
    /// The single writer: replays history, then drains the queue in order, then sends the close frame (after the
    /// queued messages, unless the close says not to wait for them). It is the only code that sends on the socket.
    /// Never throws; a failed or timed-out send aborts the connection.
    /// </summary>
    internal async Task RunWriterAsync()
    {
        try
        {
            var replayedUpTo = await ReplayAsync(_replay).ConfigureAwait(false);
            _replay = null;
            var reader = _queue.Reader;
            while (await reader.WaitToReadAsync(_abort.Token).ConfigureAwait(false))
            {
                while (Sending && reader.TryRead(out var message))
                {
                    Interlocked.Add(ref _queuedBytes, -message.Payload.Length);
                    if (message.Sequence != 0 && message.Sequence <= replayedUpTo)
                    {
                        continue;
                    }

                    await SendOneAsync(message.Payload, message.MessageType, message.Sequence).ConfigureAwait(false);
                }

                if (!Sending)
                {
                    break;
                }
            }

            await SendCloseAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or System.IO.IOException)
        {
            Log.WriterStopped(_logger, Id, ex.GetType().Name);
            Abort();
        }
    }

    /// <summary>False once a close was requested that does not wait for the queued messages.</summary>
    private bool Sending => Volatile.Read(ref _close) is not { Flush: false };

    private async Task<long> ReplayAsync(IReadOnlyList<HubMessage>? messages)
    {
        long last = 0;
        if (messages is null)
        {
            return last;
        }

        foreach (var message in messages)
        {
            if (!Sending)
            {
                break;
            }

            await SendOneAsync(message.Payload, message.MessageType, message.Sequence).ConfigureAwait(false);
            last = message.Sequence;
        }

        return last;
    }

    private async Task SendOneAsync(ReadOnlyMemory<byte> payload, WebSocketMessageType messageType, long sequence)
    {
        if (_socket.State != WebSocketState.Open)
        {
            throw new OperationCanceledException("The socket is no longer open.");
        }

        // A peer that stops reading makes a send hang once the TCP window is full: the hub's send watchdog aborts
        // a send older than the send timeout (a timestamp here instead of a timer per send keeps fan-out cheap).
        Interlocked.Exchange(ref _sendStartedAt, _time.GetTimestamp());
        await _socket.SendAsync(payload, messageType, endOfMessage: true, _abort.Token).ConfigureAwait(false);
        Interlocked.Exchange(ref _sendStartedAt, 0);
        Interlocked.Increment(ref _messagesOut);
        if (sequence != 0)
        {
            Interlocked.Exchange(ref _lastSequenceSent, sequence);
        }

        _metrics.MessageSent();
    }

    private async Task SendCloseAsync()
    {
        RequestClose(WebSocketCloseStatus.NormalClosure, null, serverInitiated: false, flush: false);
        var close = Volatile.Read(ref _close)!;
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            var description = close.Status == WebSocketCloseStatus.Empty ? null : close.Description;
            await _socket.CloseOutputAsync(close.Status, description, _abort.Token).ConfigureAwait(false);
        }
    }
}
