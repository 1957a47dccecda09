using System;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WsReliability.AspNetCore.Tests.Infrastructure;

/// <summary>Client-side helpers over ClientWebSocket.</summary>
internal static class Peers
{
    public static Task SendTextAsync(this WebSocket socket, string text, CancellationToken cancellationToken = default) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads one whole message; Close frames come back as (Close, null).</summary>
    public static async Task<(WebSocketMessageType Type, byte[]? Payload)> ReceiveMessageAsync(this WebSocket socket, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (WebSocketMessageType.Close, null);
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > 1024 * 1024)
            {
                throw new InvalidOperationException("Test peer received a message over 1 MiB.");
            }

            if (result.EndOfMessage)
            {
                return (result.MessageType, message.ToArray());
            }
        }
    }

    public static async Task<string?> ReceiveTextAsync(this WebSocket socket, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var (type, payload) = await socket.ReceiveMessageAsync(cts.Token);
        return type == WebSocketMessageType.Close ? null : Encoding.UTF8.GetString(payload!);
    }

    /// <summary>Completes the close handshake the server started, if it did.</summary>
    public static async Task AnswerCloseAsync(this WebSocket socket)
    {
        if (socket.State == WebSocketState.CloseReceived)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
        }
    }
}
