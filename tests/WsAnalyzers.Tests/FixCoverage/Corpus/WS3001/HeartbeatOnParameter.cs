// A heartbeat helper that keeps pinging the socket it is handed until cancelled.
// fixed: await Task.Delay(interval, cancellationToken);
// fixed: await socket.SendAsync(Ping, WebSocketMessageType.Text, true, cancellationToken);
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public static class Heartbeat
{
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("ping");

    public static async Task RunAsync(WebSocket socket, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(interval, cancellationToken);
            await socket.SendAsync(Ping, WebSocketMessageType.Text, true, cancellationToken);
        }
    }
}
