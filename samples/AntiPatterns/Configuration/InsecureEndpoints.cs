using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AntiPatterns.Configuration;

/// <summary>WS6001 and WS6003: a server that never notices dead peers and lets any site open its sockets.</summary>
public static class InsecureServer
{
    public static void Configure(WebApplication app)
    {
        app.UseWebSockets(); // WS6001 (.NET 9 and newer)
        app.Map("/ws", async (HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync(); // WS6003
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
        });
    }
}

/// <summary>WS6001 and WS6002: a client on an unencrypted endpoint that waits forever for a peer that is gone.</summary>
public sealed class InsecureClient : IDisposable
{
    private static readonly Uri Endpoint = new("ws://chat.example.com/ws"); // WS6002
    private readonly ClientWebSocket _socket = new(); // WS6001 (.NET 9 and newer)

    public Task ConnectAsync(CancellationToken cancellationToken) => _socket.ConnectAsync(Endpoint, cancellationToken);

    public void Dispose() => _socket.Dispose();
}
