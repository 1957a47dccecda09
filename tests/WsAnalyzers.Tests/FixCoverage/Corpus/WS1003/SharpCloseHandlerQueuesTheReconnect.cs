// A websocket-sharp close handler that hands the reconnect to a worker thread, whatever the close code.
// fixed: _work.Add(
// fixed: e.Code == (ushort)CloseStatusCode.Normal
using System;
using System.Collections.Concurrent;
using System.Threading;
using WebSocketSharp;

public sealed class WorkerClient
{
    private static readonly Random Jitter = new Random();
    private readonly BlockingCollection<Action> _work = new BlockingCollection<Action>();
    private readonly WebSocket _socket = new WebSocket("wss://example.org/jobs");
    private int _attempt;

    public WorkerClient()
    {
        _socket.OnClose += (sender, e) => _work.Add(() =>
        {
            _attempt++;
            Thread.Sleep(TimeSpan.FromMilliseconds(Jitter.Next(0, 1000 << Math.Min(_attempt, 5))));
            _socket.Connect();
        });
    }
}
