// A Websocket.Client disconnection subscription that reconnects after a wait, also when the app stopped the client.
// fixed: DisconnectionType.ByUser
// fixed: await _client.ReconnectOrFail();
using System;
using System.Threading.Tasks;
using Websocket.Client;

public sealed class FeedSubscriber
{
    private readonly IWebsocketClient _client;
    private int _attempt;

    public FeedSubscriber(IWebsocketClient client)
    {
        _client = client;
        _client.ReconnectionHappened.Subscribe(_ => _attempt = 0);
        _client.DisconnectionHappened.Subscribe(async info =>
        {
            _attempt++;
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000 << Math.Min(_attempt, 5))));
            await _client.ReconnectOrFail();
        });
    }
}
