// A console client (top-level statements) that throttles its receive loop with Thread.Sleep.
// fixed: await Task.Delay(250);
// fixed: await socket.ReceiveAsync(
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

using var socket = new ClientWebSocket();
await socket.ConnectAsync(new Uri("wss://example.com/feed"), CancellationToken.None);
var buffer = new byte[4096];
while (socket.State == WebSocketState.Open)
{
    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
    if (result.MessageType == WebSocketMessageType.Close)
    {
        break;
    }

    Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, result.Count));
    Thread.Sleep(250);
}
