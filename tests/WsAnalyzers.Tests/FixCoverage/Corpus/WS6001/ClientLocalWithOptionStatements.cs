// A one-shot subscriber that sets options with statements after creating the socket.
// framework: net9.0
// fixed: ws.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
// fixed: ws.Options.AddSubProtocol("graphql-ws");
// fixed: KeepAliveTimeout = TimeSpan.FromSeconds(30)
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public static class Subscriber
{
    public static async Task RunAsync(Uri endpoint, Action<string> onMessage, CancellationToken cancellationToken)
    {
        using var ws = new ClientWebSocket();
        ws.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        ws.Options.AddSubProtocol("graphql-ws");
        await ws.ConnectAsync(endpoint, cancellationToken);
        var buffer = new byte[8192];
        while (ws.State == WebSocketState.Open)
        {
            var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                break;
            }

            onMessage(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }
}
