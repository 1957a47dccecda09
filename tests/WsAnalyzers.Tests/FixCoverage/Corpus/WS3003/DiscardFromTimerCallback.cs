// A client that sends a keep-alive from a timer callback without waiting for it, and replies from its own methods.
// fixed: new Timer(_ =>
// fixed: WaitAsync()
// fixed: await _socket.SendAsync(KeepAlive, WebSocketMessageType.Text, true, CancellationToken.None);
// fixed: .Release();
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class KeepAliveClient : IDisposable
{
    private static readonly byte[] KeepAlive = Encoding.UTF8.GetBytes("{\"type\":\"ping\"}");
    private readonly ClientWebSocket _socket = new();
    private Timer? _timer;

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(uri, cancellationToken);
        _timer = new Timer(_ =>
        {
            _ = _socket.SendAsync(KeepAlive, WebSocketMessageType.Text, true, CancellationToken.None);
        }, null, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(15));
    }

    public async Task SubscribeAsync(string channel, CancellationToken cancellationToken)
    {
        var request = Encoding.UTF8.GetBytes("{\"subscribe\":\"" + channel + "\"}");
        await _socket.SendAsync(request, WebSocketMessageType.Text, true, cancellationToken);
    }

    public void Dispose() => _timer?.Dispose();
}
