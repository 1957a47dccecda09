// A minimal ASP.NET Core endpoint that streams the time to each client once a second, forever.
// fixed: while (true)
// fixed: await Task.Delay(1000);
using System;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.UseWebSockets();
app.Map("/", async context =>
{
    if (!context.WebSockets.IsWebSocketRequest)
    {
        context.Response.StatusCode = (int)HttpStatusCode.BadRequest;
        return;
    }

    using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
    while (true)
    {
        await webSocket.SendAsync(Encoding.ASCII.GetBytes($"now: {DateTime.Now}"), WebSocketMessageType.Text, true, CancellationToken.None);
        await Task.Delay(1000);
    }
});
await app.RunAsync();
