// A connection whose receive loop runs in an async lambda and keeps the message being assembled in a field.
// fixed: MessageTooBig
// fixed: _incoming.Write(buffer, 0, result.Count);
using System;
using System.IO;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class DeviceConnection
{
    private readonly WebSocket _socket;
    private readonly MemoryStream _incoming = new();

    public DeviceConnection(WebSocket socket) => _socket = socket;

    public event Action<byte[]>? Frame;

    public Task Start(CancellationToken cancellationToken) => Task.Run(async () =>
    {
        var buffer = new byte[2048];
        while (_socket.State == WebSocketState.Open)
        {
            var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return;
            }

            _incoming.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                Frame?.Invoke(_incoming.ToArray());
                _incoming.SetLength(0);
            }
        }
    }, cancellationToken);
}
