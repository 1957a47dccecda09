// A price feed client that keeps one ClientWebSocket in a field.
// framework: net9.0
// fixed: private readonly ClientWebSocket _socket = new() { Options = { KeepAliveTimeout = TimeSpan.FromSeconds(30) } };
// fixed: await _socket.ConnectAsync(endpoint, cancellationToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class PriceFeed : IDisposable
{
    private readonly ClientWebSocket _socket = new();

    public async Task StartAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        _socket.Options.SetRequestHeader("X-Api-Key", "demo");
        await _socket.ConnectAsync(endpoint, cancellationToken);
    }

    public void Dispose() => _socket.Dispose();
}
