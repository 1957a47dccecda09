// A top-level program: the accept middleware registers the socket under a lock and hands the list to a helper that
// removes it only after its receive loop.
// fixed: finally
// fixed: webSocketConnections.Remove(webSocket);
// fixed: await Echo(webSocket, webSocketConnections);
using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

var app = WebApplication.CreateBuilder(args).Build();
app.UseWebSockets();
var webSocketConnections = new List<WebSocket>();

app.Use(async (HttpContext context, Func<Task> next) =>
{
    if (context.Request.Path == "/ws" && context.WebSockets.IsWebSocketRequest)
    {
        var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        lock (webSocketConnections)
        {
            webSocketConnections.Add(webSocket);
        }

        await Echo(webSocket, webSocketConnections);
    }
    else
    {
        await next();
    }
});

app.Run();

static async Task Echo(WebSocket webSocket, List<WebSocket> webSocketConnections)
{
    var buffer = new byte[1024 * 4];
    var result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
    while (!result.CloseStatus.HasValue)
    {
        result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
    }

    lock (webSocketConnections)
    {
        webSocketConnections.Remove(webSocket);
    }

    await webSocket.CloseAsync(result.CloseStatus.Value, result.CloseStatusDescription, CancellationToken.None);
}
