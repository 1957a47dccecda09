using System;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WsReliability.AspNetCore;
using WsReliability.AspNetCore.Tests.Infrastructure;

namespace WsReliability.Integration.Tests.Infrastructure;

/// <summary>Our hub on a real Kestrel server on 127.0.0.1 (dynamic port), mapped at /ws.</summary>
internal sealed class HubHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HubHost(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
        Hub = app.Services.GetRequiredService<WebSocketHub>();
        Metrics = new MetricsProbe(app.Services.GetRequiredService<IMeterFactory>());
    }

    public Uri BaseUri { get; }

    /// <summary>ws://127.0.0.1:port/ws</summary>
    public Uri Uri => At("/ws");

    public WebSocketHub Hub { get; }

    public MetricsProbe Metrics { get; }

    public IServiceProvider Services => _app.Services;

    public IHostApplicationLifetime Lifetime => _app.Lifetime;

    public Uri At(string path) => new UriBuilder(BaseUri) { Scheme = "ws", Path = path }.Uri;

    /// <summary>Starts a hub whose handler is <typeparamref name="THandler"/> (a singleton; pass an instance through <paramref name="services"/> to keep one).</summary>
    public static async Task<HubHost> StartAsync<THandler>(Action<WebSocketHubOptions>? configure = null, Action<IServiceCollection>? services = null,
        Action<IApplicationBuilder>? pipeline = null, Action<ILoggingBuilder>? logging = null)
        where THandler : WebSocketHubHandler
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(10));
        services?.Invoke(builder.Services);
        builder.Services.AddWebSocketHub<THandler>(configure);
        var app = builder.Build();
        app.MapWebSocketHub("/ws", pipeline);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new HubHost(app, new Uri(address));
    }

    public Task StopAsync() => StopCoreAsync();

    public async ValueTask DisposeAsync()
    {
        await StopCoreAsync();
        await _app.DisposeAsync();
        Metrics.Dispose();
    }

    private async Task StopCoreAsync()
    {
        // With a fake clock the drain's spacing and the close timeouts only pass when the clock moves: move it along.
        using var stopped = new CancellationTokenSource();
        var clock = _app.Services.GetRequiredService<TimeProvider>() as FakeTimeProvider;
        var mover = clock is null ? Task.CompletedTask : Task.Run(async () =>
        {
            while (!stopped.IsCancellationRequested)
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
                await Task.Delay(10);
            }
        });
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            stopped.Cancel();
            await mover;
        }
    }
}
