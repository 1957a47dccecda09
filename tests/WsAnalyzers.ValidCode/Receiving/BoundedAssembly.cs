using System;
using System.Buffers;
using System.Collections.Generic;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WsAnalyzers.ValidCode.Receiving;

/// <summary>Fragment assembly with a size limit in the shapes real code uses: a running total, the size in the loop
/// condition, a list and a buffer writer checked against the limit.</summary>
public sealed class BoundedAssembly
{
    private readonly int _maxMessageSize;

    public BoundedAssembly(int maxMessageSize) => _maxMessageSize = maxMessageSize;

    /// <summary>HttpListener server: the Memory overload, a buffer writer, and a running total checked before each append.</summary>
    public async Task ServeAsync(HttpListenerContext context, Func<ReadOnlyMemory<byte>, Task> handle)
    {
        var socket = (await context.AcceptWebSocketAsync(subProtocol: null)).WebSocket;
        var writer = new ArrayBufferWriter<byte>();
        var buffer = new byte[4096];
        var total = 0;
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                break;
            }

            total += result.Count;
            if (total > _maxMessageSize)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", CancellationToken.None);
                break;
            }

            writer.Write(buffer.AsSpan(0, result.Count));
            if (result.EndOfMessage)
            {
                await handle(writer.WrittenMemory);
                writer.Clear();
                total = 0;
            }
        }
    }

    /// <summary>A helper that reads one text message, stopping at the limit in its loop condition.</summary>
    public async Task<string?> ReceiveTextAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        var text = new StringBuilder();
        var fragments = new List<int>();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            fragments.Add(result.Count);
        }
        while (!result.EndOfMessage && text.Length <= _maxMessageSize && fragments.Count < 1024);

        return result.EndOfMessage && result.MessageType == WebSocketMessageType.Text ? text.ToString() : null;
    }
}
