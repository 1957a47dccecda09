// A game server's receive loop that checks every pair of players for a collision after each move.
// fixed: foreach (var other in _players)
// fixed: await Task.Run(
// fixed: await socket.ReceiveAsync(
using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class Player
{
    public int X { get; set; }
    public int Y { get; set; }
}

public sealed class Arena
{
    private readonly List<Player> _players = new();
    private int _collisions;

    public async Task PlayAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            var collisions = 0;
            foreach (var player in _players)
            {
                foreach (var other in _players)
                {
                    if (player != other && player.X == other.X && player.Y == other.Y)
                    {
                        collisions++;
                    }
                }
            }

            _collisions = collisions;
        }
    }

    public int Collisions => _collisions;
}
