// A Websocket.Client subscriber that writes every price to a database through GetAwaiter().GetResult().
// fixed: async message =>
// fixed: await _prices.WriteAsync(message.Text ?? "");
using System;
using System.Threading.Tasks;
using Websocket.Client;

public interface IPriceSink
{
    Task WriteAsync(string price);
}

public sealed class PriceRecorder
{
    private readonly IPriceSink _prices;

    public PriceRecorder(IPriceSink prices) => _prices = prices;

    public IDisposable Record(WebsocketClient client) =>
        client.MessageReceived.Subscribe(message =>
        {
            _prices.WriteAsync(message.Text ?? "").GetAwaiter().GetResult();
        });
}
