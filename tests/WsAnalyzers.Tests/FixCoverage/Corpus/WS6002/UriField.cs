// A market-data client whose endpoint is a static Uri field.
// fixed: private static readonly Uri Endpoint = new("wss://stream.example.com:9443/ws/btcusdt@trade");
// fixed: await _socket.ConnectAsync(Endpoint, cancellationToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class TradeStream
{
    private static readonly Uri Endpoint = new("ws://stream.example.com:9443/ws/btcusdt@trade");
    private readonly ClientWebSocket _socket = new();

    public async Task StartAsync(CancellationToken cancellationToken) =>
        await _socket.ConnectAsync(Endpoint, cancellationToken);
}
