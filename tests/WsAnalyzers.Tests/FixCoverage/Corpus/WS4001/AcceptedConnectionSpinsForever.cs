// A minimal ASP.NET Core program whose connection handler greets the client and then spins to keep the socket open.
// fixed: await Task.Delay(Timeout.Infinite);
// fixed: await webSocket.SendAsync(
// fixed-not: while (true) { }
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

var app = WebApplication.CreateBuilder(args).Build();
app.UseWebSockets();
app.Use(async (context, next) =>
{
    if (context.WebSockets.IsWebSocketRequest)
    {
        using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        await Echo(context, webSocket);
    }
    else
    {
        await next(context);
    }
});

static async Task Echo(HttpContext context, WebSocket webSocket)
{
    var greeting = Encoding.UTF8.GetBytes(Guid.NewGuid().ToString());
    await webSocket.SendAsync(new ArraySegment<byte>(greeting), WebSocketMessageType.Text, true, CancellationToken.None);
    while (true) { }
}

app.Run();
