// A Fleck relay records every message in a history with an expression-bodied OnMessage.
// fixed: _history.Add(message);
// fixed: _history.RemoveRange(0, _history.Count - MaxHistoryCount);
// fixed: socket.OnMessage = message =>
using System.Collections.Generic;
using Fleck;

public sealed class Recorder
{
    private readonly List<string> _history = new();

    public void Start()
    {
        new WebSocketServer("ws://0.0.0.0:8181").Start(socket =>
        {
            socket.OnMessage = message => _history.Add(message);
            socket.OnClose = () => socket.Send("bye");
        });
    }

    public int Count => _history.Count;
}
