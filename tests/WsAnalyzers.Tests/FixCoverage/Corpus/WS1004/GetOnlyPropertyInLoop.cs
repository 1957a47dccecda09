// A get-only Socket property, connected again in a reconnect loop.
// fixed: public ClientWebSocket Socket { get; private set; }
// fixed: await Socket.ConnectAsync(endpoint, cancellationToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class Connection
{
    public ClientWebSocket Socket { get; } = new ClientWebSocket();

    public async Task KeepConnectedAsync(Uri endpoint, Func<Task> untilClosed, CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            attempt++;
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000 << Math.Min(attempt, 5))), cancellationToken);
            try
            {
                await Socket.ConnectAsync(endpoint, cancellationToken);
                attempt = 0;
                await untilClosed();
            }
            catch (WebSocketException)
            {
            }
        }
    }
}
