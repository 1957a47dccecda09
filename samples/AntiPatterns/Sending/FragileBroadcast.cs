using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AntiPatterns.Sending;

/// <summary>WS3002: broadcasts that stop at the first dead peer.</summary>
public sealed class FragileBroadcast
{
    private readonly List<WebSocket> _sockets = new();
    private readonly List<WebSocketSharp.WebSocket> _feeds = new();

    public async Task BroadcastAsync(string text, CancellationToken cancellationToken)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        try
        {
            foreach (var socket in _sockets) // WS3002: the catch is outside the loop
            {
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(payload, WebSocketMessageType.Text, true, cancellationToken);
                }
            }
        }
        catch (WebSocketException)
        {
        }
    }

    public void Publish(string text) => _feeds.ForEach(feed => feed.Send(text)); // WS3001 and WS3002
}
