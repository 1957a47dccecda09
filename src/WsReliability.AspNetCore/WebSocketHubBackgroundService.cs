using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace WsReliability.AspNetCore;

/// <summary>
/// The idle sweep and the send watchdog (each a <see cref="PeriodicTimer"/> on the hub's <see cref="TimeProvider"/>)
/// and the graceful shutdown:
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
        await Task.WhenAll(SweepIdleAsync(stoppingToken), WatchSendsAsync(stoppingToken)).ConfigureAwait(false);
    }

    private async Task SweepIdleAsync(CancellationToken stoppingToken)
    {
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

    private async Task WatchSendsAsync(CancellationToken stoppingToken)
    {
        // Checks often enough that a stuck send is aborted within about 1.25 x the send timeout.
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 10, _hub.Options.SendTimeout.Ticks / 4));
        using var timer = new PeriodicTimer(period, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                _hub.AbortStuckSends(_time.GetTimestamp());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
