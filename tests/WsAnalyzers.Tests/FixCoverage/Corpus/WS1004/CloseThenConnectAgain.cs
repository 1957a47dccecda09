// A "reconnect" that closes the socket and connects the same instance again.
// fixed: await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", cancellationToken);
// fixed: _socket = new ClientWebSocket();
// fixed: await _socket.ConnectAsync(_uri, cancellationToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class SwitchableFeed
{
    private readonly ClientWebSocket _socket = new ClientWebSocket();
    private Uri _uri = new Uri("wss://example.org/a");

    public async Task SwitchAsync(Uri uri, CancellationToken cancellationToken)
    {
        _uri = uri;
        await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", cancellationToken);
        await _socket.ConnectAsync(_uri, cancellationToken);
    }
}
