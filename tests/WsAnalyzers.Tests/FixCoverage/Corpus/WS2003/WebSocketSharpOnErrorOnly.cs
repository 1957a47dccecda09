// A websocket-sharp behavior that forgets its session on errors only: a normal close keeps it forever.
// fixed: protected override void OnClose(
// fixed: Sessions.Remove(ID);
// fixed: protected override void OnError(
using System.Collections.Generic;
using WebSocketSharp;
using WebSocketSharp.Server;

public sealed class LobbyBehavior : WebSocketBehavior
{
    private static readonly Dictionary<string, string> Sessions = new();

    protected override void OnOpen()
    {
        lock (Sessions)
        {
            Sessions.Add(ID, "guest");
        }
    }

    protected override void OnMessage(MessageEventArgs e) => Send("echo: " + e.Data);

    protected override void OnError(ErrorEventArgs e)
    {
        lock (Sessions)
        {
            Sessions.Remove(ID);
        }
    }
}
