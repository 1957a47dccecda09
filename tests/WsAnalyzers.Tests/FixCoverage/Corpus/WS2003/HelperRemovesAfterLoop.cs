// The accept handler registers the socket, then awaits a helper that runs the receive loop and removes it afterwards,
// without finally: a connection that drops leaves its socket in the map.
// fixed: finally
// fixed: _sockets.TryRemove(connectionId, out _);
// fixed: await ReceiveMessagesAsync(webSocket, connectionId);
// fixed: await socket.SendAsync(
using System;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public static class WebSocketHandler
{
    private static readonly ConcurrentDictionary<string, WebSocket> _sockets = new();

    public static async Task HandleWebSocketAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            var webSocket = await context.WebSockets.AcceptWebSocketAsync();
            var connectionId = Guid.NewGuid().ToString();
            _sockets[connectionId] = webSocket;

            await ReceiveMessagesAsync(webSocket, connectionId);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    private static async Task ReceiveMessagesAsync(WebSocket webSocket, string connectionId)
    {
        var buffer = new byte[1024 * 4];
        var result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
        while (!result.CloseStatus.HasValue)
        {
            foreach (var socket in _sockets.Values)
            {
                if (socket.State == WebSocketState.Open)
                {
                    try
                    {
                        await socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), WebSocketMessageType.Text, true, CancellationToken.None);
                    }
                    catch (WebSocketException)
                    {
                    }
                }
            }

            result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
        }

        _sockets.TryRemove(connectionId, out _);
        await webSocket.CloseAsync(result.CloseStatus.Value, result.CloseStatusDescription, CancellationToken.None);
    }
}
