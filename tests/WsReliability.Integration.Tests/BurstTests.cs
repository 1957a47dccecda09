using System;
using System.Linq;
using System.Net.WebSockets;
using System.Threading.Tasks;
using WsReliability.AspNetCore.Diagnostics;
using WsReliability.Integration.Tests.Infrastructure;

namespace WsReliability.Integration.Tests;

/// <summary>Issue 19, finding 1: a burst is not a slow consumer, and a slow-consumer close is one the client comes back from.</summary>
[Collection(KestrelCollection.Name)]
public sealed class BurstTests
{
    [Fact]
    public async Task A_burst_of_2000_broadcasts_reaches_five_fast_clients_whole_with_default_options()
    {
        const int burst = 2000;
        await using var host = await HubHost.StartAsync<RecordingHandler>();
        var clients = Enumerable.Range(0, 5).Select(_ => new ReconnectingWebSocketClient(host.Uri)).ToArray();
        try
        {
            await Task.WhenAll(clients.Select(c => c.StartAsync())).WaitAsync(Eventually.Patience);
            var received = clients.Select(c => c.Collect()).ToArray();
            Assert.True(await Eventually.HoldsAsync(() => host.Hub.Connections.Count == clients.Length));

            for (var i = 0; i < burst; i++)
            {
                host.Hub.BroadcastText($"m{i}");
            }

            Assert.True(await Eventually.HoldsAsync(() => received.All(r => r.Count == burst)),
                $"received {string.Join(", ", received.Select(r => r.Count))} of {burst}; states {string.Join(", ", clients.Select(c => c.State))}");
            Assert.All(received, r => Assert.Equal(Enumerable.Range(0, burst).Select(i => $"m{i}"), r));
            Assert.All(clients, c => Assert.Equal(ConnectionState.Open, c.State));
            Assert.Equal(0, host.Metrics.Sum(WebSocketHubMetrics.QueueDrops));
            Assert.Equal(0, host.Metrics.Sum(WebSocketHubMetrics.Disconnects));
        }
        finally
        {
            await Clients.DisposeAllAsync(clients);
        }
    }

    [Fact]
    public async Task A_slow_consumer_is_closed_with_1013_and_a_delay_hint_the_client_waits_for_then_gets_what_it_missed()
    {
        const int burst = 200;
        await using var host = await HubHost.StartAsync<RecordingHandler>(o =>
        {
            o.SendQueueCapacity = 16;
            o.ReplayHistoryOnConnect = true;
            o.RetryAfter = TimeSpan.FromMilliseconds(500);
        });
        await using var client = new ReconnectingWebSocketClient(host.Uri, Clients.Fast());
        var scheduled = new System.Collections.Concurrent.ConcurrentQueue<ReconnectScheduledEventArgs>();
        client.ReconnectScheduled += (_, e) => scheduled.Enqueue(e);
        await client.StartAsync().WaitAsync(Eventually.Patience);
        var received = client.Collect();
        Assert.True(await Eventually.HoldsAsync(() => host.Hub.Connections.Count == 1));

        // Far more than the outbound queue holds, in a tight loop: this peer counts as slow.
        for (var i = 0; i < burst; i++)
        {
            host.Hub.BroadcastText($"m{i}");
        }

        Assert.True(await Eventually.HoldsAsync(() => received.Count == burst && client.State == ConnectionState.Open),
            $"received {received.Count} of {burst}; state {client.State}; last close {client.LastClose}");
        Assert.Equal((WebSocketCloseStatus)1013, client.LastClose!.Status);
        var reconnect = Assert.Single(scheduled);
        Assert.NotNull(reconnect.RetryAfter);
        Assert.InRange(reconnect.Delay, reconnect.RetryAfter.Value, reconnect.RetryAfter.Value + TimeSpan.FromSeconds(1));

        // Nothing twice, nothing missing, in order: the second connection was replayed only what the first missed.
        Assert.Equal(Enumerable.Range(0, burst).Select(i => $"m{i}"), received);
        Assert.Equal(1, host.Metrics.Sum(WebSocketHubMetrics.Disconnects, "close_status", "1013"));
    }
}
