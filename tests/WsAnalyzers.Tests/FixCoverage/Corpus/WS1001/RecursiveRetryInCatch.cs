// A connect method that calls itself from its catch block.
// fixed: await ConnectWithRetryAsync(uri, cancellationToken);
// fixed: await _socket.ConnectAsync(uri, cancellationToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class TelemetryUplink
{
    private ClientWebSocket _socket = new ClientWebSocket();

    public async Task ConnectWithRetryAsync(Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            _socket.Dispose();
            _socket = new ClientWebSocket();
            await _socket.ConnectAsync(uri, cancellationToken);
        }
        catch (WebSocketException)
        {
            await ConnectWithRetryAsync(uri, cancellationToken);
        }
    }
}
