using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using System.Web;
using System.Web.WebSockets;

namespace AntiPatterns.Apis;

/// <summary>A classic ASP.NET (System.Web) handler: the accept callback registers its socket, relays to everyone without
/// handling a dead peer, and removes the socket only when the loop ends normally.</summary>
public sealed class SystemWebHandler : IHttpHandler
{
    private static readonly List<WebSocket> Sockets = new();

    public bool IsReusable => false;

    public void ProcessRequest(HttpContext context) => context.AcceptWebSocketRequest(ChatAsync);

    private static async Task ChatAsync(AspNetWebSocketContext context)
    {
        var socket = context.WebSocket;
        Sockets.Add(socket); // WS2003: not removed when ReceiveAsync throws
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
            foreach (var other in Sockets) // WS3002
            {
                await other.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, CancellationToken.None); // WS3001
            }
        }

        Sockets.Remove(socket);
    }
}
