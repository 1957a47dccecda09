// A websocket-sharp behavior logs every message under a lock with an embedded statement.
// fixed: lock (Log)
// fixed: Log.Add(e.Data);
// fixed: Log.RemoveRange(0, Log.Count - MaxLogCount);
using System.Collections.Generic;
using WebSocketSharp;
using WebSocketSharp.Server;

public sealed class Chat : WebSocketBehavior
{
    private static readonly List<string> Log = new();

    protected override void OnMessage(MessageEventArgs e)
    {
        lock (Log) Log.Add(e.Data);
        Sessions.Broadcast(e.Data);
    }
}
