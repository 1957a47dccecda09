using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace WsReliability.AspNetCore;

/// <summary>
/// The idle sweep and the connection watchdog (each a <see cref="PeriodicTimer"/> on the hub's <see cref="TimeProvider"/>)
/// and the graceful shutdown: when the application stops, the hub drains (503 for new upgrades, every connection
/// closed with 1001 and a delay hint, spread over the drain window) while the server waits for requests to end.
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
        var draining = Task.CompletedTask;
        using var onStopping = _lifetime.ApplicationStopping.Register(() => draining = _hub.DrainAsync(null, stoppingToken));
        await Task.WhenAll(SweepIdleAsync(stoppingToken), WatchConnectionsAsync(stoppingToken)).ConfigureAwait(false);
        try
        {
            await draining.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepIdleAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_hub.Options.SweepInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await _hub.SweepIdleAsync(_time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WatchConnectionsAsync(CancellationToken stoppingToken)
    {
        // Often enough that a stuck send is aborted within about 1.25 x the send timeout, and a socket that died
        // while its receive loop waited for its handler ends within a second.
        var period = TimeSpan.FromTicks(Math.Clamp(_hub.Options.SendTimeout.Ticks / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                _hub.CheckConnections(_time.GetTimestamp());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
