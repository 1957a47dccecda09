// A middleware that accepts with per-connection settings but no keep-alive timeout.
// framework: net9.0
// fixed: SubProtocol = "chat.v2",
// fixed: DangerousEnableCompression = true,
// fixed: KeepAliveTimeout = TimeSpan.FromSeconds(30)
using System;
using System.Net.WebSockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed class ChatMiddleware
{
    private readonly RequestDelegate _next;

    public ChatMiddleware(RequestDelegate next) => _next = next;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || context.Request.Headers.Origin != "https://chat.example.com")
        {
            await _next(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = "chat.v2",
            DangerousEnableCompression = true,
        });
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
    }
}
