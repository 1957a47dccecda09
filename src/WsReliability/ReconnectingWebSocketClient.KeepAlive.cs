using System;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Tasks;
using WsReliability.Internal;

namespace WsReliability;

public sealed partial class ReconnectingWebSocketClient
{
    /// <summary>
    /// The application-level keep-alive (only with a heartbeat): sends the heartbeat every KeepAliveInterval and aborts
    /// the connection when nothing was received for KeepAliveInterval + KeepAliveTimeout (not while the application
    /// holds up receiving).
    /// </summary>
    private async Task WatchAsync(Connection connection)
    {
        var interval = _options.KeepAliveInterval;
        var limit = interval + _options.KeepAliveTimeout;
        var tick = TimeSpan.FromTicks(Math.Max(1, Math.Min(interval.Ticks, _options.KeepAliveTimeout.Ticks) / 4));
        var heartbeat = Encoding.UTF8.GetBytes(_options.HeartbeatMessage!);
        var lastHeartbeat = _time.GetTimestamp();
        try
        {
            while (true)
            {
                await Task.Delay(tick, _time, connection.Token).ConfigureAwait(false);
                var silent = connection.SilentFor;
                if (silent >= limit && !connection.ReaderBlocked)
                {
                    ClientLog.KeepAliveTimedOut(_logger, Uri, silent.TotalSeconds);
                    connection.Abort(CloseInfo.FromError(new TimeoutException($"Nothing received for {silent.TotalSeconds:F1} s (keep-alive timeout).")));
                    return;
                }

                if (_time.GetElapsedTime(lastHeartbeat) >= interval)
                {
                    lastHeartbeat = _time.GetTimestamp();
                    await SendHeartbeatAsync(connection, heartbeat).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
    }

    private async Task SendHeartbeatAsync(Connection connection, byte[] heartbeat)
    {
        await _sendGate.WaitAsync(connection.Token).ConfigureAwait(false);
        try
        {
            if (connection.Socket.State == WebSocketState.Open)
            {
                await connection.Socket.SendAsync(heartbeat, WebSocketMessageType.Text, true, connection.Token).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is WebSocketException or IOException or ObjectDisposedException)
        {
            // A broken connection is the receive loop's to report.
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private ValueTask OnReconnectScheduledAsync(int attempt, TimeSpan delay, AttemptOutcome previous)
    {
        ClientLog.ReconnectScheduled(_logger, attempt, Uri, delay.TotalMilliseconds);
        try
        {
            ReconnectScheduled?.Invoke(this, new ReconnectScheduledEventArgs(attempt, delay, previous.Close, previous.ServerDelay));
        }
        catch (Exception error)
        {
            ClientLog.HandlerFailed(_logger, error);
        }

        return default;
    }
}
