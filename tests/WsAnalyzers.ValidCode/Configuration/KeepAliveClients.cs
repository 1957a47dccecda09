using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace WsAnalyzers.ValidCode.Configuration;

/// <summary>The keep-alive timeout set by a helper the socket's options are handed to, as the runtime client does.</summary>
public sealed class ConfiguredClient
{
    private readonly ClientWebSocket _socket = new();

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        Configure(_socket.Options);
        await _socket.ConnectAsync(uri, cancellationToken);
    }

    private static void Configure(ClientWebSocketOptions options)
    {
        options.KeepAliveInterval = TimeSpan.FromSeconds(30);
#if NET9_0_OR_GREATER
        options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
#endif
    }
}

/// <summary>Where the framework has no keep-alive timeout: an application heartbeat that aborts the socket when its
/// reply does not come.</summary>
public sealed class HeartbeatClient
{
    private readonly ClientWebSocket _socket = new();
    private long _lastReply = Environment.TickCount64;

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => _socket.ConnectAsync(uri, cancellationToken);

    public void OnReply() => Interlocked.Exchange(ref _lastReply, Environment.TickCount64);

    public async Task WatchAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            if (Environment.TickCount64 - Interlocked.Read(ref _lastReply) > 30_000)
            {
                _socket.Abort();
                return;
            }
        }
    }
}
