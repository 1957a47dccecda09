using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;

namespace AntiPatterns.Resources;

/// <summary>WS2001: every connection that ever opened stays in the dictionary.</summary>
public sealed class NeverShrunkRegistry
{
    private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new(); // WS2001

    public async Task HandleAsync(HttpContext context)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var id = Guid.NewGuid();
        _sockets.TryAdd(id, socket);
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
        }
    }
}

/// <summary>WS2002: the chat history keeps every message ever sent.</summary>
public sealed class UnboundedHistoryHub : Hub
{
    private static readonly List<string> History = new(); // WS2002

    public Task Send(string message)
    {
        lock (History)
        {
            History.Add(message);
        }

        return Clients.All.SendAsync("message", message);
    }
}

/// <summary>WS2003: the removal runs only when the receive loop ends without an exception.</summary>
public sealed class CleanPathOnlyRegistry
{
    private readonly List<WebSocket> _sockets = new();

    public async Task HandleAsync(HttpContext context)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        lock (_sockets)
        {
            _sockets.Add(socket); // WS2003
        }

        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
        }

        lock (_sockets)
        {
            _sockets.Remove(socket);
        }
    }
}

/// <summary>WS2003: users are removed only when they call Leave, not when they drop.</summary>
public sealed class LeaveOnlyHub : Hub
{
    private static readonly ConcurrentDictionary<string, string> Users = new();

    public override Task OnConnectedAsync()
    {
        Users[Context.ConnectionId] = Context.UserIdentifier ?? "anonymous"; // WS2003
        return base.OnConnectedAsync();
    }

    public void Leave() => Users.TryRemove(Context.ConnectionId, out _);
}
