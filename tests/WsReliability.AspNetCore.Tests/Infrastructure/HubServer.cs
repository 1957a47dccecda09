using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WsReliability.AspNetCore.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 with a dynamic port, hosting the hub at /ws.</summary>
internal sealed class HubServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HubServer(WebApplication app, Uri uri)
    {
        _app = app;
        Uri = uri;
        Hub = app.Services.GetRequiredService<WebSocketHub>();
        Metrics = new MetricsProbe(app.Services.GetRequiredService<IMeterFactory>());
    }

    public Uri Uri { get; }

    public WebSocketHub Hub { get; }

    public MetricsProbe Metrics { get; }

    public IServiceProvider Services => _app.Services;

    public static Task<HubServer> StartAsync(Action<WebSocketHubOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        StartAsync<EchoHandler>(configure, services);

    public static async Task<HubServer> StartAsync<THandler>(Action<WebSocketHubOptions>? configure = null, Action<IServiceCollection>? services = null,
        Action<WebApplication>? beforeHub = null)
        where THandler : WebSocketHubHandler
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(5));
        services?.Invoke(builder.Services);
        builder.Services.AddWebSocketHub<THandler>(configure);
        builder.Services.AddHealthChecks().AddWebSocketHubHealthCheck();
        var app = builder.Build();
        beforeHub?.Invoke(app);
        app.MapWebSocketHub("/ws");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var uri = new UriBuilder(address) { Scheme = "ws", Path = "/ws" }.Uri;
        return new HubServer(app, uri);
    }

    public async Task<ClientWebSocket> ConnectAsync(Action<ClientWebSocketOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var client = new ClientWebSocket();
        configure?.Invoke(client.Options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await client.ConnectAsync(Uri, timeout.Token);
        return client;
    }

    /// <summary>
    /// A peer that never reads, with a tiny TCP receive window so its backlog shows up on the server quickly
    /// instead of after megabytes of kernel buffering.
    /// </summary>
    public async Task<ClientWebSocket> ConnectNonReadingAsync()
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
                {
                    ReceiveBufferSize = 4096,
                    NoDelay = true,
                };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.ConnectAsync(Uri, new HttpMessageInvoker(handler), timeout.Token);
        return client;
    }

    /// <summary>Polls until <paramref name="condition"/> holds; false after <paramref name="timeout"/>.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(10);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        Metrics.Dispose();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
