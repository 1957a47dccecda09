// A websocket-sharp ticker feed that reconnects from its close handler, an expression lambda.
// fixed: _feed.Connect();
// fixed: Thread.Sleep(ReconnectDelay(
using System;
using System.Threading;
using WebSocketSharp;

public sealed class TickerFeed
{
    private readonly WebSocket _feed = new WebSocket("wss://example.org/ticker");

    public event Action<string>? Tick;

    public TickerFeed()
    {
        _feed.OnMessage += (sender, e) => Tick?.Invoke(e.Data);
        _feed.OnClose += (sender, e) => _feed.Connect();
    }

    public void Start() => _feed.Connect();
}
