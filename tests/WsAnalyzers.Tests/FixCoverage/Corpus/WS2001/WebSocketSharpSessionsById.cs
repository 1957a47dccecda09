// A websocket-sharp behavior keeps a static map from session ID to user name, filled on open, read by a lookup.
// fixed: protected override void OnClose(
// fixed: Names.TryRemove(ID, out _);
// fixed: Names[ID] = "guest" + Names.Count;
using System.Collections.Concurrent;
using WebSocketSharp;
using WebSocketSharp.Server;

public sealed class Lobby : WebSocketBehavior
{
    private static readonly ConcurrentDictionary<string, string> Names = new();

    protected override void OnOpen()
    {
        Names[ID] = "guest" + Names.Count;
    }

    protected override void OnMessage(MessageEventArgs e)
    {
        Sessions.Broadcast((Names.TryGetValue(ID, out var name) ? name : "?") + ": " + e.Data);
    }
}
