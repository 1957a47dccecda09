// A socket whose options are set in its initializer, without the timeout.
// framework: net9.0
// fixed: Options = { KeepAliveInterval = TimeSpan.FromSeconds(15), Proxy = null, KeepAliveTimeout = TimeSpan.FromSeconds(30) }
// fixed: _current = socket;
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class Telemetry
{
    private ClientWebSocket? _current;

    public async Task OpenAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket
        {
            Options = { KeepAliveInterval = TimeSpan.FromSeconds(15), Proxy = null },
        };
        await socket.ConnectAsync(endpoint, cancellationToken);
        _current = socket;
    }
}
