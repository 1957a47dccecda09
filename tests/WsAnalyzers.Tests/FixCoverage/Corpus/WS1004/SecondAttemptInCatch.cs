// A connect that tries once more from its catch block, on the socket that just failed.
// fixed: _socket?.Dispose();
// fixed: await _socket.ConnectAsync(_uri, CancellationToken.None).ConfigureAwait(false);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class TwoAttempts
{
    private readonly Uri _uri = new Uri("wss://example.org/orders");
    private ClientWebSocket _socket = new ClientWebSocket();

    public async Task ConnectAsync()
    {
        try
        {
            await _socket.ConnectAsync(_uri, CancellationToken.None).ConfigureAwait(false);
        }
        catch (WebSocketException)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(500, 1500))).ConfigureAwait(false);
            await _socket.ConnectAsync(_uri, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
