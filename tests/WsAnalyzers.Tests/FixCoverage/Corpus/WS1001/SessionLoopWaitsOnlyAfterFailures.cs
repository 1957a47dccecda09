// A ClientWebSocket session loop: connect, read until the server closes, and only wait after a failure, so a normal
// end of the session (a server restart closing everyone at once) reconnects at once.
// fixed: await socket.ConnectAsync(uri, cancellationToken);
// fixed: await Task.Delay(ReconnectDelay(
// fixed: await ReceiveUntilClosedAsync(socket, cancellationToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class MarketDataClient
{
    public async Task RunAsync(Uri uri, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(uri, cancellationToken);
                await ReceiveUntilClosedAsync(socket, cancellationToken);
            }
            catch (WebSocketException)
            {
                await Task.Delay(5000, cancellationToken);
            }
        }
    }

    private static async Task ReceiveUntilClosedAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
                return;
            }
        }
    }
}
