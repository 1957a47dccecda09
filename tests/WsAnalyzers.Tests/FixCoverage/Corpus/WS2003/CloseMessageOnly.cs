// A game room that removes the player only when a Close message arrives: an aborted connection stays registered.
// fixed: finally
// fixed: _players.TryRemove(playerId, out _);
// fixed: if (result.MessageType == WebSocketMessageType.Close)
using System;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed class GameRoom
{
    private readonly ConcurrentDictionary<Guid, WebSocket> _players = new();

    public async Task JoinAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var playerId = Guid.NewGuid();
        _players.TryAdd(playerId, socket);
        var buffer = new byte[1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                _players.TryRemove(playerId, out _);
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cancellationToken);
                return;
            }
        }
    }
}
