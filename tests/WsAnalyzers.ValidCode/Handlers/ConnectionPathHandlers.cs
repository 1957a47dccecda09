using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;

namespace WsAnalyzers.ValidCode.Handlers;

/// <summary>The correct look-alikes of WS4001/WS4002 on the rest of a connection's path: open handlers that await, the
/// code after an accept that waits without a thread, sizes the peer chooses that are capped, and a session thread
/// that blocks only outside its receive loop.</summary>
public sealed class ConnectionPathHandlers
{
    private readonly Func<Task<string>> _motd = () => Task.FromResult("welcome");
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task AcceptAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var greeting = await _motd();
        await socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes(greeting)), WebSocketMessageType.Text, true, context.RequestAborted);

        // Keeps the connection open until the request ends, without a thread.
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public void Wire(Fleck.IWebSocketConnection connection)
    {
        connection.OnOpen = async () =>
        {
            await _started.Task;
            await connection.Send("ready");
        };

        connection.OnMessage = text =>
        {
            if (!int.TryParse(text, out var requested))
            {
                return;
            }

            var size = Math.Min(requested, 64);
            var cells = 0;
            for (var row = 0; row < size; row++)
            {
                for (var column = 0; column < size; column++)
                {
                    cells++;
                }
            }

            connection.Send(cells.ToString());
        };
    }

    public void Start() => _started.TrySetResult();

    /// <summary>A session on a dedicated thread: connecting and closing block outside the receive loop, where no message
    /// waits; the receive loop itself awaits.</summary>
    public static void RunSession(Uri uri, CancellationToken stop)
    {
        using var socket = new ClientWebSocket();
#if NET9_0_OR_GREATER
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
#endif
        socket.ConnectAsync(uri, stop).Wait(stop);
        ReceiveAllAsync(socket, stop).Wait(stop);
        socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", stop).Wait(stop);
    }

    private static async Task ReceiveAllAsync(ClientWebSocket socket, CancellationToken stop)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), stop);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }
}

/// <summary>An open handler that awaits its registration before it returns the base task.</summary>
public sealed class PresenceHub : Hub
{
    private readonly Func<string, Task> _track = _ => Task.CompletedTask;

    public override async Task OnConnectedAsync()
    {
        await _track(Context.ConnectionId);
        await base.OnConnectedAsync();
    }
}
