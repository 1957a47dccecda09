// An HttpListener server keeps every accepted socket in a static dictionary and starts a session per socket without
// awaiting it; nothing ever takes a socket out.
// fixed: _ = Task.Run(
// fixed: await HandleClientAsync(clientId, webSocket);
// fixed: finally
// fixed: Clients.Remove(clientId);
// fixed: foreach (var client in Clients.Values)
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public static class ChatServer
{
    private static readonly Dictionary<string, WebSocket> Clients = new();

    public static async Task ListenAsync(string prefix)
    {
        var listener = new HttpListener();
        listener.Prefixes.Add(prefix);
        listener.Start();
        while (true)
        {
            var context = await listener.GetContextAsync();
            if (!context.Request.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                context.Response.Close();
                continue;
            }

            var webSocket = (await context.AcceptWebSocketAsync(null)).WebSocket;
            var clientId = Guid.NewGuid().ToString();
            Clients[clientId] = webSocket;
            _ = HandleClientAsync(clientId, webSocket);
        }
    }

    private static async Task HandleClientAsync(string clientId, WebSocket webSocket)
    {
        var buffer = new byte[4096];
        while (webSocket.State == WebSocketState.Open)
        {
            var result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await webSocket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                break;
            }

            var text = Encoding.UTF8.GetBytes(clientId + ": " + Encoding.UTF8.GetString(buffer, 0, result.Count));
            foreach (var client in Clients.Values)
            {
                if (client.State != WebSocketState.Open)
                {
                    continue;
                }

                try
                {
                    await client.SendAsync(new ArraySegment<byte>(text), WebSocketMessageType.Text, true, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                }
            }
        }
    }
}
