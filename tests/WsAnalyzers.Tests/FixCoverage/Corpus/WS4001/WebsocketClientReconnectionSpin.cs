// A Websocket.Client subscriber that spins until its subscriptions are restored after each reconnection.
// fixed: client.ReconnectionHappened.Subscribe(async info =>
// fixed: while (!_restored)
// fixed: client.Send("resubscribe");
using System;
using Websocket.Client;

public sealed class Resubscriber
{
    private volatile bool _restored;

    public void Restored() => _restored = true;

    public IDisposable Watch(WebsocketClient client) =>
        client.ReconnectionHappened.Subscribe(info =>
        {
            while (!_restored)
            {
            }

            client.Send("resubscribe");
        });
}
