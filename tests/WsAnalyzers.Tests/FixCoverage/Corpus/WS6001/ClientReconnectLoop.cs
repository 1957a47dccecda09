// A client that makes a new ClientWebSocket per attempt in its reconnect loop.
// framework: net9.0
// fixed: _socket = new ClientWebSocket() { Options = { KeepAliveTimeout = TimeSpan.FromSeconds(30) } };
// fixed: await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt))) + TimeSpan.FromMilliseconds(Random.Shared.Next(1000)), cancellationToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class Reconnector
{
    private ClientWebSocket? _socket;

    public async Task RunAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        for (var attempt = 0; !cancellationToken.IsCancellationRequested; attempt++)
        {
            _socket?.Dispose();
            _socket = new ClientWebSocket();
            try
            {
                await _socket.ConnectAsync(endpoint, cancellationToken);
                return;
            }
            catch (WebSocketException)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, attempt))) + TimeSpan.FromMilliseconds(Random.Shared.Next(1000)), cancellationToken);
            }
        }
    }
}
