using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using EmbedIO.WebSockets;

namespace AntiPatterns.Apis;

/// <summary>An EmbedIO WebSocket module: contexts kept for ever, a broadcast through the raw sockets, an unchecked send and
/// a CPU-bound loop in the message handler.</summary>
public sealed class EmbedIOModule : WebSocketModule
{
    private readonly List<IWebSocketContext> _clients = new(); // WS2001: no removal in OnClientDisconnectedAsync
    private IWebSocketContext _admin;

    public EmbedIOModule()
        : base("/chat", true)
    {
    }

    public Task AlertAsync(string text) => _admin.WebSocket.SendAsync(Encoding.UTF8.GetBytes(text), true); // WS3001

    protected override Task OnClientConnectedAsync(IWebSocketContext context)
    {
        _clients.Add(context);
        _admin ??= context;
        return Task.CompletedTask;
    }

    protected override async Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
    {
        var checksum = 0;
        for (var i = 0; i < 5_000_000; i++) // WS4001
        {
            checksum ^= i;
        }

        foreach (var other in ActiveContexts) // WS3002
        {
            await other.WebSocket.SendAsync(buffer, true); // WS3001
        }
    }
}
