// A dashboard connection that pushes a snapshot every time its refresh method runs.
// fixed: SendAsync(
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class DashboardFeed
{
    private readonly WebSocket _socket;
    private int _version;

    public DashboardFeed(WebSocket socket) => _socket = socket;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        _version++;
        var snapshot = Encoding.UTF8.GetBytes("{\"version\":" + _version + "}");
        await _socket.SendAsync(new ArraySegment<byte>(snapshot), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }
}
