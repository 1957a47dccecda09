// An HttpListener accept loop that registers each socket and starts its session without awaiting it; the session
// removes the socket after its receive loop, but not when the loop throws.
// fixed: Task.Run(
// fixed: await ServeAsync(id, socket);
// fixed: finally
// fixed: Clients.Remove(id);
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class ListenerServer
{
    private static readonly Dictionary<string, WebSocket> Clients = new();

    public async Task RunAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            var context = await listener.GetContextAsync();
            var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
            var id = Guid.NewGuid().ToString();
            lock (Clients)
            {
                Clients[id] = socket;
            }

            _ = Task.Run(() => ServeAsync(id, socket));
        }
    }

    private static async Task ServeAsync(string id, WebSocket socket)
    {
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
        }

        lock (Clients)
        {
            Clients.Remove(id);
        }
    }
}
