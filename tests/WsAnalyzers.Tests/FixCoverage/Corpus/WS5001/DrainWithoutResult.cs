// A publisher that only sends, and drains whatever the server sends back without looking at it.
// fixed: CloseOutputAsync(
// fixed: _socket.SendAsync(payload, WebSocketMessageType.Text, true, cancellationToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class MetricsPublisher
{
    private readonly ClientWebSocket _socket = new();

    public Task PublishAsync(ArraySegment<byte> payload, CancellationToken cancellationToken) =>
        _socket.SendAsync(payload, WebSocketMessageType.Text, true, cancellationToken);

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArraySegment<byte>(new byte[1024]);
        while (!cancellationToken.IsCancellationRequested)
        {
            await _socket.ReceiveAsync(buffer, cancellationToken);
        }
    }
}
