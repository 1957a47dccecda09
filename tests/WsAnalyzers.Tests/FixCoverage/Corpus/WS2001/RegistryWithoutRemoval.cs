// A static registry whose only member adds: the middleware that calls it owns the lifetime, the registry has no way to
// remove a socket at all.
// no-fix: the socket is added through a method of another class that has no removal; a fix would have to add a removal method to that class and call it where each caller's connection ends, in other methods and files
using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public static class WebSocketConnections
{
    private static readonly ConcurrentDictionary<Guid, WebSocket> Sockets = new();

    public static void AddSocket(WebSocket socket) => Sockets.TryAdd(Guid.NewGuid(), socket);

    public static async Task BroadcastAsync(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        foreach (var socket in Sockets.Values.Where(s => s.State == WebSocketState.Open))
        {
            try
            {
                await socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
        }
    }
}

public sealed class FeedMiddleware
{
    private readonly RequestDelegate _next;

    public FeedMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await _next(context);
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync();
        WebSocketConnections.AddSocket(socket);
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
        }
    }
}
