using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;

namespace AntiPatterns.MessageHandlers;

/// <summary>WS4001 and WS4002 on the rest of a connection's path: open handlers, the code after an accept, sizes the
/// peer chooses and busy waits.</summary>
public sealed class ConnectionPathHandlers
{
    private readonly Func<Task<string>> _motd = () => Task.FromResult("welcome");
    private volatile bool _started;

    public async Task AcceptAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var greeting = _motd().Result; // WS4002: the code after the accept serves the connection
        await socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(greeting)), WebSocketMessageType.Text, true, context.RequestAborted);
    }

    public void Wire(Fleck.IWebSocketConnection connection)
    {
        connection.OnOpen = () =>
        {
            while (!_started) // WS4001: a busy wait in an open handler
            {
            }
        };

        connection.OnMessage = text =>
        {
            if (!int.TryParse(text, out var size))
            {
                return;
            }

            var cells = 0;
            for (var row = 0; row < size; row++) // WS4001: nested loops bounded by a number the peer sent
            {
                for (var column = 0; column < size; column++)
                {
                    cells++;
                }
            }

            connection.Send(cells.ToString());
        };
    }
}

/// <summary>WS4002 in an open handler that returns the base task.</summary>
public sealed class PresenceHub : Hub
{
    private readonly Func<string, Task> _track = _ => Task.CompletedTask;

    public override Task OnConnectedAsync()
    {
        _track(Context.ConnectionId).Wait(); // WS4002
        return base.OnConnectedAsync();
    }
}
