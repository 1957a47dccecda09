// A binary stream of audio chunks to a listener.
// fixed: WebSocketMessageType.Binary
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class AudioStreamer
{
    private readonly WebSocket _listener;

    public AudioStreamer(WebSocket listener) => _listener = listener;

    public Task StreamChunkAsync(byte[] chunk, int count, CancellationToken cancellationToken)
    {
        return _listener.SendAsync(new ArraySegment<byte>(chunk, 0, count), WebSocketMessageType.Binary, true, cancellationToken);
    }
}
