// A websocket-sharp chat room that relays a line to every member that is still alive.
// fixed: foreach (var member in _members)
// fixed: member.Send(line);
// fixed: InvalidOperationException)
using System.Collections.Generic;
using WebSocketSharp;

public sealed class ChatRoom
{
    private readonly List<WebSocket> _members = new();

    public void Relay(string from, string text)
    {
        var line = from + ": " + text;
        foreach (var member in _members)
        {
            if (member.IsAlive)
                member.Send(line);
        }
    }
}
