using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;

namespace WsAnalyzers.ValidCode.Resources;

/// <summary>A connection registry that removes in finally, so aborted connections leave too.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();

    public int Count => _sockets.Count;

    public async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var id = Guid.NewGuid();
        _sockets.TryAdd(id, socket);
        try
        {
            var buffer = new byte[4096];
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        finally
        {
            _sockets.TryRemove(id, out _);
        }
    }
}

/// <summary>A cache of the latest socket per user, evicted when it is replaced or closes.</summary>
public sealed class LatestSocketPerUser
{
    private readonly ConcurrentDictionary<string, WebSocket> _byUser = new();

    public void Remember(string user, WebSocket socket) => _byUser[user] = socket;

    public void Evict(string user) => _byUser.TryRemove(user, out _);
}

/// <summary>A hub that keeps a bounded history (a count check followed by a dequeue) and tracks connections until they disconnect.</summary>
public sealed class HistoryHub : Hub
{
    private const int MaxHistory = 50;
    private static readonly Queue<string> History = new();
    private static readonly ConcurrentDictionary<string, DateTime> Connected = new();

    public override Task OnConnectedAsync()
    {
        Connected[Context.ConnectionId] = DateTime.UtcNow;
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        Connected.TryRemove(Context.ConnectionId, out _);
        return base.OnDisconnectedAsync(exception);
    }

    public Task Send(string message)
    {
        lock (History)
        {
            History.Enqueue(message);
            if (History.Count > MaxHistory)
            {
                History.Dequeue();
            }
        }

        return Clients.All.SendAsync("message", message);
    }
}

/// <summary>A fixed-size ring buffer of recent messages: bounded by construction.</summary>
public sealed class RecentMessages
{
    private readonly string[] _ring = new string[64];
    private readonly List<string> _topics = new() { "news", "sports" };
    private int _next;

    public void Wire(Fleck.IWebSocketConnection connection) =>
        connection.OnMessage = message =>
        {
            lock (_ring)
            {
                _ring[_next] = message;
                _next = (_next + 1) % _ring.Length;
            }
        };

    public IReadOnlyList<string> Topics => _topics;
}

/// <summary>A websocket-sharp behavior that registers its session on open and removes it on close.</summary>
public sealed class RoomBehavior : WebSocketSharp.Server.WebSocketBehavior
{
    private static readonly ConcurrentDictionary<string, RoomBehavior> Members = new();

    protected override void OnOpen() => Members[ID] = this;

    protected override void OnClose(WebSocketSharp.CloseEventArgs e) => Members.TryRemove(ID, out _);
}
