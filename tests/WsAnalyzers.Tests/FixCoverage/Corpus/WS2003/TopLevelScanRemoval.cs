// A top-level ASP.NET Core program: the accept lambda registers the socket under a fresh id, and closed sockets are
// only removed by a scan at the top of some later receive loop iteration.
// fixed: finally
// fixed: connections.Remove(connectionId);
// fixed: var res = await webSocket.ReceiveAsync(buffer, CancellationToken.None);
// fixed: if (connection.Value.State == WebSocketState.Open)
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

var app = WebApplication.CreateBuilder(args).Build();
var buffer = new byte[256];
var connections = new Dictionary<string, WebSocket>();

app.UseWebSockets();
app.Map("/", async (HttpContext context) =>
{
    if (!context.WebSockets.IsWebSocketRequest)
    {
        context.Response.StatusCode = 400;
        return;
    }

    using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
    connections.Add(Guid.NewGuid().ToString(), webSocket);
    Console.WriteLine($"Clients connected: {connections.Count}");

    try
    {
        while (true)
        {
            var closedConnection = connections.Where(c => c.Value.State == WebSocketState.Closed).FirstOrDefault();
            if (closedConnection.Key != null)
            {
                connections.Remove(closedConnection.Key);
            }

            if (webSocket.State == WebSocketState.Closed)
            {
                break;
            }

            var res = await webSocket.ReceiveAsync(buffer, CancellationToken.None);
            if (res.MessageType == WebSocketMessageType.Close)
            {
                await webSocket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            else
            {
                var message = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(buffer, 0, res.Count));
                foreach (var connection in connections)
                {
                    if (connection.Value.State == WebSocketState.Open)
                    {
                        try
                        {
                            await connection.Value.SendAsync(message, WebSocketMessageType.Text, true, default);
                        }
                        catch (WebSocketException)
                        {
                        }
                    }
                }
            }
        }
    }
    catch (WebSocketException e)
    {
        Console.WriteLine(e.Message);
    }
});

await app.RunAsync();
