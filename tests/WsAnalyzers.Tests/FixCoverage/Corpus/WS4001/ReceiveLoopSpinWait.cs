// A client receive loop that waits for the UI to mark itself ready by spinning on a flag.
// fixed: while (!_ready)
// fixed: await Task.Delay(1);
// fixed: await _socket.ReceiveAsync(
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class TickerClient
{
    private readonly ClientWebSocket _socket = new();
    private volatile bool _ready;

    public void MarkReady() => _ready = true;

    public async Task RunAsync(Uri uri, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(uri, cancellationToken);
        var buffer = new byte[1024];
        while (_socket.State == WebSocketState.Open)
        {
            var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            while (!_ready) { }
            Console.WriteLine(result.Count);
        }
    }
}
