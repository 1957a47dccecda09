// A websocket-sharp close handler that schedules the reconnect on a one-shot timer with a constant due time.
// fixed: _socket.Connect();
// fixed: new Timer(
using System;
using System.Threading;
using WebSocketSharp;

public sealed class ScheduledReconnect
{
    private readonly WebSocket _socket = new WebSocket("wss://example.org/feed");
    private Timer? _timer;

    public ScheduledReconnect()
    {
        _socket.OnClose += (sender, e) =>
        {
            if (e.WasClean)
            {
                return;
            }

            _timer?.Dispose();
            _timer = new Timer(_ => _socket.Connect(), null, 5000, Timeout.Infinite);
        };
    }
}
