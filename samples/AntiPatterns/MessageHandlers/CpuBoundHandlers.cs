using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace AntiPatterns.MessageHandlers;

/// <summary>WS4001: heavy synchronous loops on the receive path.</summary>
public sealed class CpuBoundHandlers
{
    private readonly List<int[]> _board = new();

    public async Task ReceiveAsync(WebSocket socket)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
            long score = 0;
            for (var i = 0; i < 5_000_000; i++) // WS4001
            {
                score += i % 7;
            }
        }
    }

    public void Wire(Fleck.IWebSocketConnection connection)
    {
        connection.OnMessage = text =>
        {
            var total = 0;
            foreach (var row in _board) // WS4001: nested loops not bounded by the message
            {
                foreach (var cell in row)
                {
                    total += cell;
                }
            }

            connection.Send(total.ToString());
        };
    }
}
