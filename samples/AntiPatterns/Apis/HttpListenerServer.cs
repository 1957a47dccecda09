using System;
using System.Collections.Generic;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AntiPatterns.Apis;

/// <summary>A System.Net.HttpListener server: the server mistakes on the sockets AcceptWebSocketAsync hands out.</summary>
public sealed class HttpListenerServer
{
    private readonly List<WebSocket> _clients = new(); // WS2001: filled after every accept, never shrunk

    public async Task RunAsync(HttpListener listener)
    {
        while (true)
        {
            var context = await listener.GetContextAsync();
            var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
            _clients.Add(socket);
            _ = ReceiveAsync(socket);
        }
    }

    public async Task BroadcastAsync(string text)
    {
        var payload = new ArraySegment<byte>(Encoding.UTF8.GetBytes(text));
        foreach (var client in _clients) // WS3002: one dead client ends the broadcast
        {
            await client.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None); // WS3001
        }
    }

    private static async Task ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
            Thread.Sleep(10); // WS4002
        }
    }
}
