using System;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Web;
using System.Web.WebSockets;

namespace WsAnalyzers.ValidCode.Server;

/// <summary>
/// A classic ASP.NET (System.Web) WebSocket handler: the accept callback greets the socket it has just been handed,
/// registers it for its lifetime (removed in finally), keeps a bounded history and hands slow work off the receive loop.
/// </summary>
public sealed class SystemWebChatHandler : IHttpHandler
{
    private const int MaxHistory = 100;
    private static readonly ConcurrentDictionary<Guid, WebSocket> Sockets = new();
    private static readonly ConcurrentQueue<string> History = new();

    public bool IsReusable => true;

    public void ProcessRequest(HttpContext context)
    {
        if (context.IsWebSocketRequest)
        {
            context.AcceptWebSocketRequest(ChatAsync);
        }
        else
        {
            context.Response.StatusCode = 400;
        }
    }

    private static async Task ChatAsync(AspNetWebSocketContext context)
    {
        var socket = context.WebSocket;
        await socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes("welcome")), WebSocketMessageType.Text, true, CancellationToken.None);
        var id = Guid.NewGuid();
        Sockets.TryAdd(id, socket);
        try
        {
            var buffer = new byte[4096];
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                if (!result.EndOfMessage)
                {
                    // One frame per chat line: a longer message is refused rather than stored in pieces (WS5003).
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "one frame per message", CancellationToken.None);
                    break;
                }

                History.Enqueue(Encoding.UTF8.GetString(buffer, 0, result.Count));
                while (History.Count > MaxHistory && History.TryDequeue(out _))
                {
                }

                await Task.Run(() => Archive(buffer, result.Count));
            }
        }
        finally
        {
            Sockets.TryRemove(id, out _);
        }
    }

    private static void Archive(byte[] buffer, int count) => Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, count));
}
