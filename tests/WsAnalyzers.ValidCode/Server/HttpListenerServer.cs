using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WsAnalyzers.ValidCode.Server;

/// <summary>
/// A System.Net.HttpListener WebSocket server: each accepted socket is greeted, registered for exactly its lifetime
/// (removed in finally), served by a receive loop that stops on Close, and reached by a broadcast that checks state and
/// isolates failures.
/// </summary>
public sealed class HttpListenerServer
{
    private static readonly ArraySegment<byte> Welcome = new(Encoding.UTF8.GetBytes("welcome"));
    private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();

    public async Task RunAsync(HttpListener listener, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            var context = await listener.GetContextAsync();
            if (!context.Request.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                context.Response.Close();
                continue;
            }

            _ = ServeAsync(context, cancellation);
        }
    }

    private async Task ServeAsync(HttpListenerContext context, CancellationToken cancellation)
    {
        var webSocketContext = await context.AcceptWebSocketAsync(subProtocol: null, keepAliveInterval: TimeSpan.FromSeconds(30));
        using var socket = webSocketContext.WebSocket;
        await socket.SendAsync(Welcome, WebSocketMessageType.Text, true, cancellation);
        var id = Guid.NewGuid();
        _sockets.TryAdd(id, socket);
        try
        {
            var buffer = new byte[4096];
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellation);
            while (result.MessageType != WebSocketMessageType.Close)
            {
                if (!result.EndOfMessage)
                {
                    // One frame per message: a longer one is refused rather than broadcast in pieces (WS5003).
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "one frame per message", cancellation);
                    return;
                }

                await BroadcastAsync(new ArraySegment<byte>(buffer, 0, result.Count), cancellation);
                result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellation);
            }

            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
        finally
        {
            _sockets.TryRemove(id, out _);
        }
    }

    private async Task BroadcastAsync(ArraySegment<byte> message, CancellationToken cancellation)
    {
        foreach (var (id, socket) in _sockets)
        {
            if (socket.State != WebSocketState.Open)
            {
                continue;
            }

            try
            {
                await socket.SendAsync(message, WebSocketMessageType.Text, true, cancellation);
            }
            catch (WebSocketException)
            {
                _sockets.TryRemove(id, out _);
            }
        }
    }
}
