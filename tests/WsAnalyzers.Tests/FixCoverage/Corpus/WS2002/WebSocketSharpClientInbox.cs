// A websocket-sharp client keeps every message the server pushes in an inbox list, appended from its OnMessage event.
// fixed: _inbox.Add(e.Data);
// fixed: _inbox.RemoveRange(0, _inbox.Count - MaxInboxCount);
// fixed: _socket.Connect();
using System.Collections.Generic;
using WebSocketSharp;

public sealed class QuoteFeed
{
    private readonly List<string> _inbox = new();
    private readonly WebSocket _socket;

    public QuoteFeed(string url) => _socket = new WebSocket(url);

    public string? Latest => _inbox.Count > 0 ? _inbox[_inbox.Count - 1] : null;

    public void Start()
    {
        _socket.OnMessage += (sender, e) => _inbox.Add(e.Data);
        _socket.Connect();
    }
}
