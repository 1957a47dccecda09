using System;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace AntiPatterns.ReceiveLoop;

/// <summary>WS5001, WS5002, WS5003: receive loops that break the WebSocket message protocol.</summary>
public sealed class ProtocolMistakes
{
    private readonly ClientWebSocket _socket = new();

    public event Action<string>? Tick;

    /// <summary>Never looks for the Close message, and decodes every receive as if it were a whole message.</summary>
    public async Task ListenAsync(CancellationToken token)
    {
        var buffer = new byte[1024];
        while (!token.IsCancellationRequested)
        {
            var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), token); // WS5001 WS5003
            Tick?.Invoke(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }

    /// <summary>Joins the fragments of each message with no size limit: one peer can send an endless message.</summary>
    public async Task ServeAsync(HttpContext context, Func<byte[], Task> handle)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new ArraySegment<byte>(new byte[4096]);
        while (socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                message.Write(buffer.Array!, buffer.Offset, result.Count); // WS5002
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                return;
            }

            await handle(message.ToArray());
        }
    }
}
