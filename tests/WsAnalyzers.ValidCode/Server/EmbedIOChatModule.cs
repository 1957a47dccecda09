using System.Collections.Concurrent;
using System.Text;
using System.Threading.Tasks;
using EmbedIO.WebSockets;

namespace WsAnalyzers.ValidCode.Server;

/// <summary>
/// An EmbedIO WebSocket module: names kept from OnClientConnectedAsync to OnClientDisconnectedAsync, replies on the
/// sender's own socket, broadcasts through the module's BroadcastAsync (which catches failures per client), and parses
/// only the message it received on the receive path.
/// </summary>
public sealed class EmbedIOChatModule : WebSocketModule
{
    private readonly ConcurrentDictionary<string, string> _names = new();

    public EmbedIOChatModule()
        : base("/chat", true)
    {
    }

    protected override Task OnClientConnectedAsync(IWebSocketContext context)
    {
        _names.TryAdd(context.Id, "guest");
        return context.WebSocket.SendAsync(Encoding.UTF8.GetBytes("welcome"), true);
    }

    protected override async Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
    {
        var words = 0;
        foreach (var b in buffer)
        {
            if (b == (byte)' ')
            {
                words++;
            }
        }

        await context.WebSocket.SendAsync(Encoding.UTF8.GetBytes("words: " + words), true);
        await BroadcastAsync(buffer, other => other != context);
    }

    protected override Task OnClientDisconnectedAsync(IWebSocketContext context)
    {
        _names.TryRemove(context.Id, out _);
        return base.OnClientDisconnectedAsync(context);
    }
}
