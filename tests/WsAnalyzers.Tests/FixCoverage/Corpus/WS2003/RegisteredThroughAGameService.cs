// A controller registers the socket two calls deep (JoinGame, then the manager's AddWithId) and a helper removes it
// only after its receive loop, through the service again.
// no-fix: the registration is a call of a method of the compilation and the only removal is inside another method (OnDisconnected, which looks the socket up and closes it); repeating that call in a finally could run it twice, and moving it means rewriting the helper
using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

public class ConnectionManager
{
    private readonly ConcurrentDictionary<string, WebSocket> _sockets = new();

    public void AddWithId(WebSocket socket, string id) => _sockets.TryAdd(id + Guid.NewGuid(), socket);

    public string? GetId(WebSocket socket) => _sockets.FirstOrDefault(pair => pair.Value == socket).Key;

    public async Task RemoveSocket(string id)
    {
        _sockets.TryRemove(id, out var socket);
        await socket!.CloseAsync(WebSocketCloseStatus.NormalClosure, "closed by the manager", CancellationToken.None);
    }
}

public class GameService
{
    private readonly ConnectionManager _manager;

    public GameService(ConnectionManager manager) => _manager = manager;

    public Task<string> JoinGame(WebSocket socket, string id)
    {
        _manager.AddWithId(socket, id);
        return Task.FromResult(id);
    }

    public async Task OnDisconnected(WebSocket socket) => await _manager.RemoveSocket(_manager.GetId(socket)!);
}

public class GameController : ControllerBase
{
    private readonly GameService _games;

    public GameController(GameService games) => _games = games;

    [Route("/join/{id}")]
    public async Task Get(string id)
    {
        var socket = await HttpContext.WebSockets.AcceptWebSocketAsync();
        var gameId = await _games.JoinGame(socket, id);
        await ReceiveMessages(socket, gameId);
    }

    private async Task ReceiveMessages(WebSocket webSocket, string gameId)
    {
        var buffer = new byte[1024 * 4];
        var result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
        while (!result.CloseStatus.HasValue)
        {
            result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
        }

        try
        {
            await _games.OnDisconnected(webSocket);
        }
        catch (Exception)
        {
        }
    }
}
