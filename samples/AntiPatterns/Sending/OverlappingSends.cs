using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AntiPatterns.Sending;

/// <summary>WS3003: a heartbeat timer and replies send on the same socket with nothing serialising them.</summary>
public sealed class OverlappingSends
{
    private readonly WebSocket _socket;
    private Timer? _heartbeat;

    public OverlappingSends(WebSocket socket) => _socket = socket;

    public void Start() =>
        _heartbeat = new Timer(
            async _ => await _socket.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, true, CancellationToken.None), // WS3001 and WS3003
            null,
            TimeSpan.FromSeconds(30),
            TimeSpan.FromSeconds(30));

    public void Reply(string text) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None); // WS3001 and WS3003
}
