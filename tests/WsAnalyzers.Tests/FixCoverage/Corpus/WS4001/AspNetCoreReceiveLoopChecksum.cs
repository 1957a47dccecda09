// An ASP.NET Core endpoint that "verifies" every frame with a fixed-size hash loop before it echoes it.
// fixed: await Task.Run(
// fixed: await socket.ReceiveAsync(
// fixed: await socket.SendAsync(
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed class EchoEndpoint
{
    public async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            var hash = 17L;
            for (var round = 0; round < 250_000; round++)
            {
                hash = hash * 31 + round;
            }

            await socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, result.EndOfMessage, context.RequestAborted);
        }
    }
}
