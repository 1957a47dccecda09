// A Fleck lobby queues every connection as it arrives, to greet them in order; a closed connection is never dropped.
// fixed: _arrivals.Dequeue();
// fixed: _arrivals.Enqueue(
// fixed: socket.OnClose = () =>
// fixed: socket.OnMessage = text => Console.WriteLine(text);
using System;
using System.Collections.Generic;
using Fleck;

public sealed class Lobby
{
    private readonly Queue<IWebSocketConnection> _arrivals = new();

    public void Start()
    {
        new WebSocketServer("ws://0.0.0.0:8383").Start(socket =>
        {
            socket.OnOpen = () => _arrivals.Enqueue(socket);
            socket.OnMessage = text => Console.WriteLine(text);
        });
    }

    public void GreetAll()
    {
        foreach (var waiting in _arrivals)
        {
            waiting.Send("welcome, " + _arrivals.Count + " waiting");
        }
    }
}
