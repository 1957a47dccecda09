// A websocket-sharp close handler that backs off properly but reconnects whatever the close code.
// fixed: e.Code == (ushort)CloseStatusCode.Normal
// fixed: _socket.Connect();
using System;
using System.Threading;
using WebSocketSharp;

public sealed class QuotesClient
{
    private static readonly Random Jitter = new Random();
    private readonly WebSocket _socket = new WebSocket("wss://example.org/quotes");
    private int _attempt;

    public QuotesClient()
    {
        _socket.OnOpen += (sender, e) => _attempt = 0;
        _socket.OnClose += (sender, e) =>
        {
            _attempt++;
            Thread.Sleep(TimeSpan.FromMilliseconds(Jitter.Next(0, 1000 << Math.Min(_attempt, 5))));
            _socket.Connect();
        };
    }
}
