// Accepted sockets go into a ConcurrentBag, which cannot give up one given socket: the bag only grows.
// fixed: ConcurrentDictionary<WebSocket, byte>
// fixed: _sockets.TryRemove(socket, out _);
// fixed: .Keys
// fixed: await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed class PowerFeed
{
    private readonly ConcurrentBag<WebSocket> _sockets = new ConcurrentBag<WebSocket>();

    public int Listeners => _sockets.Count;

    public async Task HandleAsync(HttpContext context)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        _sockets.Add(socket);
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
        }
    }

    public async Task BroadcastAsync(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        await Task.WhenAll(_sockets.Where(s => s.State == WebSocketState.Open).Select(async socket =>
        {
            try
            {
                await socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            catch (WebSocketException)
            {
            }
        }));
    }
}
