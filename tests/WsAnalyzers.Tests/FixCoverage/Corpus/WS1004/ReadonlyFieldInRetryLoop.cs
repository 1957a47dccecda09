// A client that keeps its ClientWebSocket in a readonly field and connects it again in its retry loop.
// fixed: private ClientWebSocket _socket
// fixed: _socket = new ClientWebSocket();
// fixed: await _socket.ConnectAsync(uri, cancellationToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class ReusedClient
{
    private readonly ClientWebSocket _socket = new ClientWebSocket();

    public async Task RunAsync(Uri uri, CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _socket.ConnectAsync(uri, cancellationToken);
                attempt = 0;
                return;
            }
            catch (WebSocketException)
            {
                attempt++;
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000 << Math.Min(attempt, 5))), cancellationToken);
            }
        }
    }
}
