// A websocket-sharp client whose close handler queues the reconnect for its pump thread.
// fixed: _pump.Add(
// fixed: Reconnect();
// fixed: Thread.Sleep(ReconnectDelay(
using System;
using System.Collections.Concurrent;
using System.Threading;
using WebSocketSharp;

public sealed class PumpedClient
{
    private readonly BlockingCollection<Action> _pump = new BlockingCollection<Action>();
    private readonly WebSocket _socket = new WebSocket("wss://example.org/events");

    public PumpedClient()
    {
        _socket.OnClose += (sender, e) => _pump.Add(() => Reconnect());
        new Thread(() =>
        {
            foreach (var work in _pump.GetConsumingEnumerable())
            {
                work();
            }
        }) { IsBackground = true }.Start();
    }

    private void Reconnect() => _socket.Connect();
}
