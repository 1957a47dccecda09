// A fan-out that starts one send per chunk and waits for all of them at the end.
// fixed: pending.Add(_socket.SendAsync(
// fixed: await Task.WhenAll(pending);
using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class ChunkUploader
{
    private readonly WebSocket _socket;

    public ChunkUploader(WebSocket socket) => _socket = socket;

    public async Task UploadAsync(IReadOnlyList<byte[]> chunks, CancellationToken cancellationToken)
    {
        var pending = new List<Task>();
        for (var i = 0; i < chunks.Count; i++)
        {
            pending.Add(_socket.SendAsync(new ArraySegment<byte>(chunks[i]), WebSocketMessageType.Binary, i == chunks.Count - 1, cancellationToken));
        }

        await Task.WhenAll(pending);
    }
}
