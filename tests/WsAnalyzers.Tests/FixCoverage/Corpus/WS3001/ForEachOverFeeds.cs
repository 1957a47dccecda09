// A websocket-sharp relay that forwards a line to every upstream feed with List.ForEach.
// fixed: feed.Send(line);
// fixed: _feeds.ForEach(
using System.Collections.Generic;
using WebSocketSharp;

public sealed class FeedRelay
{
    private readonly List<WebSocket> _feeds = new();

    public void Add(WebSocket feed) => _feeds.Add(feed);

    public void Forward(string line) => _feeds.ForEach(feed => feed.Send(line));
}
