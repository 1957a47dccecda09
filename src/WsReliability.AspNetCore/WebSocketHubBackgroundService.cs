using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace WsReliability.AspNetCore;

/// <summary>
/// The idle sweep (a <see cref="PeriodicTimer"/> on the hub's <see cref="TimeProvider"/>) and the graceful shutdown:
/// when the application stops, every connection gets a 1001 close before the server waits for requests to end.
/// </summary>
internal sealed class WebSocketHubBackgroundService : BackgroundService
{
    private readonly WebSocketHub _hub;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;

    public WebSocketHubBackgroundService(WebSocketHub hub, TimeProvider time, IHostApplicationLifetime lifetime)
    {
        _hub = hub;
        _time = time;
        _lifetime = lifetime;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var onStopping = _lifetime.ApplicationStopping.Register(
            () => _hub.CloseAll(WebSocketCloseStatus.EndpointUnavailable, "Server shutting down"));
        using var timer = new PeriodicTimer(_hub.Options.SweepInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                _hub.SweepIdle(_time.GetUtcNow());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
