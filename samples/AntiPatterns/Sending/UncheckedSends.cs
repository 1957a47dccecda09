using System;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AntiPatterns.Sending;

/// <summary>WS3001: sends that throw as soon as a peer has gone away.</summary>
public sealed class UncheckedSends
{
    private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();
    private readonly WebSocketSharp.WebSocket _feed = new("wss://example.org/feed");

    public async Task BroadcastAsync(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        foreach (var socket in _sockets.Values)
        {
            await socket.SendAsync(new ArraySegment<byte>(payload), WebSocketMessageType.Text, true, CancellationToken.None); // WS3001
        }
    }

    public void Publish(string text) => _feed.Send(text); // WS3001
}
