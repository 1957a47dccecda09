using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WsReliability.AspNetCore.Diagnostics;
using WsReliability.Integration.Tests.Infrastructure;

namespace WsReliability.Integration.Tests;

/// <summary>
/// Issue 19, finding 6 and the server-guided reconnects: the client reads the refused upgrade. 403 and 404 end it at
/// once (no retry), 401 asks for fresh credentials and tries again, 503 with Retry-After is waited out plus jitter.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class UpgradeRefusalTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_403_faults_start_with_the_status_after_one_attempt()
    {
        await using var host = await HubHost.StartAsync<RecordingHandler>(o => o.AllowedOrigins.Add("https://good.example"));
        await using var client = new ReconnectingWebSocketClient(host.Uri, Clients.Fast(o =>
            o.ConfigureSocket = socket => socket.SetRequestHeader("Origin", "https://evil.example")));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.StartAsync().WaitAsync(Prompt));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(ConnectionState.Closed, client.State);
        await Task.Delay(Clients.Fast().Reconnect.MaxDelay * 2);
        Assert.Equal(1, host.Metrics.Sum(WebSocketHubMetrics.RejectedConnections, "reason", "origin"));
    }

    [Fact]
    public async Task A_404_for_a_wrong_path_faults_start_with_the_status_after_one_attempt()
    {
        var attempts = 0;
        await using var host = await HubHost.StartAsync<RecordingHandler>();
        await using var client = new ReconnectingWebSocketClient(host.At("/chat"), Clients.Fast(o =>
            o.ConfigureSocket = _ => Interlocked.Increment(ref attempts)));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.StartAsync().WaitAsync(Prompt));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        await Task.Delay(Clients.Fast().Reconnect.MaxDelay * 2);
        Assert.Equal(1, Volatile.Read(ref attempts));
        Assert.Equal(ConnectionState.Closed, client.State);
    }

    [Fact]
    public async Task A_401_asks_the_credentials_hook_and_connects_with_the_fresh_token()
    {
        var token = "expired";
        var refreshes = 0;
        await using var host = await HubHost.StartAsync<RecordingHandler>(pipeline: RequireBearer("fresh"));
        await using var client = new ReconnectingWebSocketClient(host.Uri, Clients.Fast(o =>
        {
            o.ConfigureSocket = socket => socket.SetRequestHeader("Authorization", "Bearer " + Volatile.Read(ref token));
            o.RefreshCredentialsAsync = async cancellationToken =>
            {
                Interlocked.Increment(ref refreshes);
                await Task.Yield();
                Volatile.Write(ref token, "fresh");
                return true;
            };
        }));

        await client.StartAsync().WaitAsync(Prompt);

        Assert.Equal(ConnectionState.Open, client.State);
        Assert.Equal(1, Volatile.Read(ref refreshes));
    }

    [Fact]
    public async Task A_401_that_fresh_credentials_do_not_fix_faults_start_with_the_status()
    {
        var refreshes = 0;
        await using var host = await HubHost.StartAsync<RecordingHandler>(pipeline: RequireBearer("never-given"));
        await using var client = new ReconnectingWebSocketClient(host.Uri, Clients.Fast(o =>
            o.RefreshCredentialsAsync = _ =>
            {
                Interlocked.Increment(ref refreshes);
                return new ValueTask<bool>(true);
            }));

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.StartAsync().WaitAsync(Prompt));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(1, Volatile.Read(ref refreshes));
    }

    [Fact]
    public async Task A_503_with_Retry_After_from_an_unavailable_hub_is_waited_out_plus_jitter()
    {
        var time = new CountingFakeTime();
        await using var host = await HubHost.StartAsync<RecordingHandler>();
        host.Hub.SetUnavailable(TimeSpan.FromSeconds(30));
        var scheduled = new ConcurrentQueue<ReconnectScheduledEventArgs>();
        var timersWhenScheduled = 0;
        await using var client = new ReconnectingWebSocketClient(host.Uri, Clients.Fast(o => o.TimeProvider = time));
        client.ReconnectScheduled += (_, e) =>
        {
            Volatile.Write(ref timersWhenScheduled, time.TimersCreated);
            scheduled.Enqueue(e);
        };

        // The wait is announced before it starts: the clock moves only once its timer exists.
        var starting = client.StartAsync();
        Assert.True(await Eventually.HoldsAsync(() => !scheduled.IsEmpty && time.TimersCreated > Volatile.Read(ref timersWhenScheduled)));
        // The hub asks for the time left of its expected 30 s (a whole number of seconds, rounded up); the client
        // waits that plus a random part of one second.
        var wait = Assert.Single(scheduled);
        Assert.NotNull(wait.RetryAfter);
        Assert.InRange(wait.RetryAfter.Value, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(30));
        Assert.InRange(wait.Delay, wait.RetryAfter.Value, wait.RetryAfter.Value + TimeSpan.FromSeconds(1));

        // Nothing happens before the hint has passed, then the client is back at once.
        time.Advance(wait.RetryAfter.Value - TimeSpan.FromSeconds(1));
        await Task.Delay(200);
        Assert.Equal(1, host.Metrics.Sum(WebSocketHubMetrics.RejectedConnections, "reason", "unavailable"));
        host.Hub.SetAvailable();
        time.Advance(TimeSpan.FromSeconds(2));
        await starting.WaitAsync(Prompt);
        Assert.True(await Eventually.HoldsAsync(() => host.Metrics.Sum(WebSocketHubMetrics.AcceptedConnections) == 1));
        Assert.Equal(1, host.Metrics.Sum(WebSocketHubMetrics.RejectedConnections));
    }

    private static Action<IApplicationBuilder> RequireBearer(string token) => pipeline => pipeline.Use((context, next) =>
    {
        if (context.Request.Headers.Authorization != "Bearer " + token)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return next(context);
    });
}
