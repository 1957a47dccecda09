// A Websocket.Client subscription that restarts the client at once on every disconnection, discarding the task.
// fixed: _ = _client.Reconnect();
// fixed: DisconnectionHappened.Subscribe(
using System;
using Websocket.Client;

public sealed class PriceStream : IDisposable
{
    private readonly WebsocketClient _client = new WebsocketClient(new Uri("wss://example.org/prices"));
    private readonly IDisposable _subscription;

    public PriceStream()
    {
        _client.IsReconnectionEnabled = false;
        _subscription = _client.DisconnectionHappened.Subscribe(info => _ = _client.Reconnect());
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _client.Dispose();
    }
}
