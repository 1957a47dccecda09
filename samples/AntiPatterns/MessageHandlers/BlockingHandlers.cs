using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace AntiPatterns.MessageHandlers;

/// <summary>WS4002: message handlers that block the receiving thread.</summary>
public sealed class BlockingHandlers
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task ReceiveAsync(WebSocket socket, Func<string, Task<string>> lookup)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
            _gate.Wait(); // WS4002
            var user = lookup("user").Result; // WS4002
            _gate.Release();
        }
    }

    public void Wire(WebSocketSharp.WebSocket socket, Func<string, Task> save)
    {
        socket.OnMessage += (sender, e) =>
        {
            save(e.Data).Wait(); // WS4002
            Thread.Sleep(100); // WS4002
        };
    }
}
