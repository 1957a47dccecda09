// A handler whose broadcasts go through its own send helper, by socket and by the IDs of a group.
// fixed: await SendMessageAsync(pair.Value, message);
// fixed: await SendMessageAsync(id, message);
// fixed: catch (WebSocketException)
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class SocketHandler
{
    private readonly ConcurrentDictionary<string, WebSocket> _sockets = new();
    private readonly ConcurrentDictionary<string, List<string>> _groups = new();

    public async Task SendMessageAsync(WebSocket socket, string message)
    {
        if (socket.State != WebSocketState.Open)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(message);
        await socket.SendAsync(new ArraySegment<byte>(bytes, 0, bytes.Length), WebSocketMessageType.Text, true, CancellationToken.None);
    }

    public async Task SendMessageAsync(string socketId, string message)
    {
        if (_sockets.TryGetValue(socketId, out var socket))
        {
            await SendMessageAsync(socket, message);
        }
    }

    public async Task SendMessageToAllAsync(string message)
    {
        foreach (var pair in _sockets)
        {
            await SendMessageAsync(pair.Value, message);
        }
    }

    public async Task SendMessageToGroupAsync(string group, string message)
    {
        if (_groups.TryGetValue(group, out var members))
        {
            foreach (var id in members)
            {
                await SendMessageAsync(id, message);
            }
        }
    }
}
