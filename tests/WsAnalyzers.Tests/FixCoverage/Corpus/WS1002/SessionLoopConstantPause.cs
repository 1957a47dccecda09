// A ClientWebSocket session loop that pauses a constant five seconds after every session, failed or not.
// fixed: await socket.ConnectAsync(uri, cancellationToken);
// fixed: await Task.Delay(ReconnectDelay(
// fixed-not: Task.Delay(5000
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class StreamingRpc
{
    public async Task RunAsync(Uri uri, Func<ClientWebSocket, CancellationToken, Task> session, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(uri, cancellationToken);
                await session(socket, cancellationToken);
            }
            catch (WebSocketException exception)
            {
                Console.WriteLine(exception.Message);
            }

            await Task.Delay(5000, cancellationToken);
        }
    }
}
