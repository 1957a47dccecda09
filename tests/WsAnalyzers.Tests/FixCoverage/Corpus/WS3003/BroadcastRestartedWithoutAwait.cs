// A connection manager whose broadcast drops dead connections through a method that starts another broadcast
// without waiting for it: the two broadcasts send on the same sockets at once.
// fixed: private readonly SemaphoreSlim _sendLock = new SemaphoreSlim(1, 1);
// fixed: await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cts.Token);
// fixed: KillConnection(guid);
using System;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class User
{
    public User(string name, WebSocket webSocket) => (Name, WebSocket) = (name, webSocket);

    public string Name { get; }

    public WebSocket WebSocket { get; }
}

public sealed class WebSocketConnectionManager
{
    public ConcurrentDictionary<Guid, User> Connections { get; } = new();

    public void KillConnection(Guid guid)
    {
        Connections.TryRemove(guid, out _);
        MessageAll("np", Guid.NewGuid().ToString());
    }

    public async Task MessageAll(string text, string clientGuid)
    {
        foreach (var guid in Connections.Keys)
        {
            if (guid == Guid.Parse(clientGuid))
            {
                continue;
            }

            var socket = Connections[guid].WebSocket;
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            if (socket.State == WebSocketState.Open)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cts.Token);
            }
            else
            {
                KillConnection(guid);
            }
        }
    }
}
