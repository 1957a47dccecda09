// An ASP.NET Core endpoint keeps the raw frames of every message in a concurrent queue for an audit job that never
// dequeues.
// fixed: _frames.Enqueue(frame);
// fixed: _frames.TryDequeue(out _);
// fixed: var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
using System;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed class AuditEndpoint
{
    private readonly ConcurrentQueue<byte[]> _frames = new();

    public int Pending => _frames.Count;

    public async Task HandleAsync(HttpContext context)
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

            var frame = new byte[result.Count];
            Array.Copy(buffer, frame, result.Count);
            _frames.Enqueue(frame);
        }
    }
}
