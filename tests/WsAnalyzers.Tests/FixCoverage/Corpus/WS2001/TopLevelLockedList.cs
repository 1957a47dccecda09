// A minimal API program keeps every socket in a list captured by the endpoint; the list never shrinks.
// fixed: finally
// fixed: lock (sockets)
// fixed: sockets.Remove(socket);
// fixed: await socket.ReceiveAsync(buffer, context.RequestAborted);
using System.Collections.Generic;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

var app = WebApplication.CreateBuilder(args).Build();
app.UseWebSockets();
var sockets = new List<WebSocket>();

app.Map("/ws", async (HttpContext context) =>
{
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    lock (sockets) sockets.Add(socket);
    var buffer = new byte[4096];
    while (socket.State == WebSocketState.Open)
    {
        await socket.ReceiveAsync(buffer, context.RequestAborted);
    }
});

app.MapGet("/online", () =>
{
    lock (sockets)
    {
        return sockets.Count;
    }
});

app.Run();
