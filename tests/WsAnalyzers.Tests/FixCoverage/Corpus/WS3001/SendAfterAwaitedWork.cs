// A quote service that answers a subscriber after a lookup.
// fixed: await _subscriber.SendAsync(
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class QuoteService
{
    private readonly WebSocket _subscriber;

    public QuoteService(WebSocket subscriber) => _subscriber = subscriber;

    public async Task SendQuoteAsync(string symbol, CancellationToken cancellationToken)
    {
        await Task.Delay(10, cancellationToken);
        var quote = Encoding.UTF8.GetBytes(symbol + ":" + 42.0);
        await _subscriber.SendAsync(new ArraySegment<byte>(quote), WebSocketMessageType.Text, true, cancellationToken);
    }
}
