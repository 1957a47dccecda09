// A client that receives with the Memory overload and gathers the fragments in an ArrayBufferWriter.
// fixed: MessageTooBig
// fixed: await dispatch(writer.WrittenMemory);
using System;
using System.Buffers;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class RpcConnection
{
    private readonly ClientWebSocket _socket = new();

    public async Task PumpAsync(Func<ReadOnlyMemory<byte>, Task> dispatch, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var writer = new ArrayBufferWriter<byte>();
        while (!cancellationToken.IsCancellationRequested)
        {
            ValueWebSocketReceiveResult result = await _socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            writer.Write(buffer.AsSpan(0, result.Count));
            if (result.EndOfMessage)
            {
                await dispatch(writer.WrittenMemory);
                writer.Clear();
            }
        }
    }
}
