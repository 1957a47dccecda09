using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;

namespace WsAnalyzers.ValidCode.Resources;

/// <summary>A peer of the chat: a record that wraps its socket.</summary>
public sealed record ChatPeer(string Name, WebSocket Socket);

/// <summary>A registry class: registration in one method, removal in another, and a serve method that removes in its own finally.</summary>
public sealed class ChatPeerRegistry
{
    private readonly Dictionary<Guid, ChatPeer> _peers = new();

    public Guid Add(ChatPeer peer)
    {
        var id = Guid.NewGuid();
        lock (_peers)
        {
            _peers[id] = peer;
        }

        return id;
    }

    public void Remove(Guid id)
    {
        lock (_peers)
        {
            _peers.Remove(id);
        }
    }

    public async Task ServeAsync(ChatPeer peer, CancellationToken cancellationToken)
    {
        var id = Add(peer);
        try
        {
            await SocketLoops.ReceiveUntilClosedAsync(peer.Socket, cancellationToken);
        }
        finally
        {
            Remove(id);
        }
    }
}

/// <summary>Endpoints that register in one function and remove, on every path, in another.</summary>
public sealed class HelperRemovalEndpoints
{
    private static readonly ConcurrentDictionary<string, WebSocket> Sockets = new();
    private readonly ChatPeerRegistry _registry = new();

    /// <summary>The helper that runs the receive loop removes in finally.</summary>
    public async Task HelperRemovesAsync(HttpContext context)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var id = Guid.NewGuid().ToString();
        Sockets[id] = socket;
        await ReceiveAndForgetAsync(socket, id, context.RequestAborted);
    }

    /// <summary>The caller wraps the helper in try/finally.</summary>
    public async Task CallerRemovesAsync(HttpContext context, string name)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var id = _registry.Add(new ChatPeer(name, socket));
        try
        {
            await SocketLoops.ReceiveUntilClosedAsync(socket, context.RequestAborted);
        }
        finally
        {
            _registry.Remove(id);
        }
    }

    /// <summary>The registry registers and removes in its own finally.</summary>
    public async Task RegistryServesAsync(HttpContext context, string name)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        await _registry.ServeAsync(new ChatPeer(name, socket), context.RequestAborted);
    }

    /// <summary>Removed at the end of the try and in a catch that handles every exception.</summary>
    public async Task TryAndCatchAllAsync(HttpContext context)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var id = Guid.NewGuid().ToString();
        Sockets.TryAdd(id, socket);
        try
        {
            await SocketLoops.ReceiveUntilClosedAsync(socket, context.RequestAborted);
            Sockets.TryRemove(id, out _);
        }
        catch (Exception)
        {
            Sockets.TryRemove(id, out _);
            throw;
        }
    }

    /// <summary>The lifetime is started, not awaited; the started code removes in finally.</summary>
    public void Start(string id, WebSocket socket)
    {
        Sockets[id] = socket;
        _ = Task.Run(() => ReceiveAndForgetAsync(socket, id, CancellationToken.None));
    }

    private static async Task ReceiveAndForgetAsync(WebSocket socket, string id, CancellationToken cancellationToken)
    {
        try
        {
            await SocketLoops.ReceiveUntilClosedAsync(socket, cancellationToken);
        }
        finally
        {
            Sockets.TryRemove(id, out _);
        }
    }
}

/// <summary>A lobby whose member list is capped by a guard: a full lobby turns newcomers away.</summary>
public sealed class CappedLobbyHub : Hub
{
    private const int MaxMembers = 100;
    private static readonly List<string> Members = new();

    public Task Join(string name)
    {
        lock (Members)
        {
            if (Members.Count >= MaxMembers)
            {
                return Clients.Caller.SendAsync("full");
            }
            else
            {
                Members.Add(name);
            }
        }

        return Clients.All.SendAsync("joined", name);
    }
}

internal static class SocketLoops
{
    public static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                break;
            }
        }
    }
}
