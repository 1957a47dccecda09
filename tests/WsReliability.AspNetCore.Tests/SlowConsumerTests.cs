using System;
using System.Diagnostics;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WsReliability.AspNetCore.Diagnostics;
using WsReliability.AspNetCore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WsReliability.AspNetCore.Tests;

[Collection(KestrelCollection.Name)]
public sealed class SlowConsumerTests
{
    private const int Readers = 100;
    private const int QueueCapacity = 256;
    private const int Batch = 64;
    private const int MaxMessages = 20_000;
    private const int Markers = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;

    public SlowConsumerTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(SlowConsumerPolicy.Close)]
    [InlineData(SlowConsumerPolicy.DropOldest)]
    public async Task A_client_that_never_reads_does_not_delay_broadcasts_to_100_others_and_is_handled_by_the_policy(SlowConsumerPolicy policy)
    {
        await using var server = await HubServer.StartAsync(o =>
        {
            o.SlowConsumerPolicy = policy;
            o.SendQueueCapacity = QueueCapacity;
            o.CloseTimeout = TimeSpan.FromSeconds(1);
            // Long enough that the stuck send is not what ends the slow peer: the policy must.
            o.SendTimeout = TimeSpan.FromMinutes(2);
            o.HistoryCapacity = 0;
        });
        using var slowClient = await server.ConnectNonReadingAsync();
        // The client's handshake completes before the hub registers the accepted socket.
        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 1, Patience));
        var slow = Assert.Single(server.Hub.Connections);

        var clients = await Task.WhenAll(Enumerable.Range(0, Readers).Select(_ => server.ConnectAsync()));
        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == Readers + 1, Patience), "not every reader was registered");
        var received = new long[Readers];
        var lastMarkerAt = new long[Readers];
        using var stopReading = new CancellationTokenSource();
        var readers = clients.Select((client, index) => Task.Run(async () =>
        {
            while (true)
            {
                var (type, payload) = await client.ReceiveMessageAsync(stopReading.Token);
                if (type == WebSocketMessageType.Close)
                {
                    return;
                }

                if (payload![0] == (byte)'M')
                {
                    Volatile.Write(ref lastMarkerAt[index], Stopwatch.GetTimestamp());
                }

                Interlocked.Increment(ref received[index]);
            }
        })).ToArray();

        var payloadBytes = new byte[4096];
        long sent = 0;
        var slowestBroadcast = TimeSpan.Zero;
        bool PolicyApplied() => policy == SlowConsumerPolicy.Close
            ? !slow.IsOpen
            : server.Metrics.Sum(WebSocketHubMetrics.QueueDrops, "policy", "drop_oldest") > 0;

        // Paced in batches so the fast readers never have more than two batches queued.
        while (!PolicyApplied() && sent < MaxMessages)
        {
            for (var i = 0; i < Batch; i++)
            {
                slowestBroadcast = Max(slowestBroadcast, TimedBroadcast(server.Hub, payloadBytes));
                sent++;
            }

            Assert.True(await HubServer.WaitUntilAsync(() => received.Min() >= sent - Batch, Patience), "the fast readers fell behind");
        }

        Assert.True(PolicyApplied(), $"the policy never applied after {sent} messages");
        _output.WriteLine($"{policy}: applied after {sent} messages of {payloadBytes.Length} bytes");

        // Now the slow peer is stuck: a marker broadcast must still reach all 100 others promptly.
        var markerPayload = new byte[64];
        markerPayload[0] = (byte)'M';
        var markersSentAt = Stopwatch.GetTimestamp();
        for (var i = 0; i < Markers; i++)
        {
            slowestBroadcast = Max(slowestBroadcast, TimedBroadcast(server.Hub, markerPayload));
            sent++;
        }

        Assert.True(await HubServer.WaitUntilAsync(() => received.All(r => Interlocked.Read(ref r) == sent), Patience),
            $"readers got between {received.Min()} and {received.Max()} of {sent}");
        var markerLatency = Stopwatch.GetElapsedTime(markersSentAt, lastMarkerAt.Max());
        _output.WriteLine($"slowest broadcast call {slowestBroadcast.TotalMilliseconds:F1} ms; markers reached all {Readers} readers in {markerLatency.TotalMilliseconds:F0} ms");
        Assert.True(markerLatency < TimeSpan.FromSeconds(3), $"markers took {markerLatency.TotalMilliseconds:F0} ms");
        Assert.True(slowestBroadcast < TimeSpan.FromSeconds(1), $"a broadcast call took {slowestBroadcast.TotalMilliseconds:F0} ms");
        Assert.All(clients, c => Assert.Equal(WebSocketState.Open, c.State));

        if (policy == SlowConsumerPolicy.Close)
        {
            // It cannot answer the close handshake (it never reads), so it is aborted after the close timeout.
            Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == Readers, Patience),
                $"{server.Hub.Connections.Count} registered; the slow one is {slow.State}, {slow.QueuedMessages} queued");
            Assert.True(await HubServer.WaitUntilAsync(() => server.Metrics.Sum(WebSocketHubMetrics.Disconnects, "close_status", "1013") == 1, Patience));
            Assert.Equal(1, server.Metrics.Sum(WebSocketHubMetrics.QueueDrops, "policy", "close"));
        }
        else
        {
            Assert.True(slow.IsOpen);
            Assert.Equal(Readers + 1, server.Hub.Connections.Count);
        }

        stopReading.Cancel();
        await Task.WhenAll(readers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task A_send_stuck_past_the_send_timeout_aborts_the_peer()
    {
        await using var server = await HubServer.StartAsync(o =>
        {
            o.SlowConsumerPolicy = SlowConsumerPolicy.DropOldest;
            o.SendTimeout = TimeSpan.FromSeconds(1);
        });
        using var stuck = await server.ConnectNonReadingAsync();
        // The client's handshake completes before the hub registers the accepted socket.
        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 1, Patience));
        var connection = Assert.Single(server.Hub.Connections);

        // Fill the TCP window until the writer's send cannot complete; the watchdog then aborts the connection.
        var chunk = new byte[64 * 1024];
        var clock = Stopwatch.StartNew();
        while (connection.IsOpen && clock.Elapsed < Patience)
        {
            connection.Send(chunk);
            await Task.Delay(5);
        }

        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 0, Patience));
        Assert.True(await HubServer.WaitUntilAsync(() => connection.CloseStatus == 1006, Patience));
        _output.WriteLine($"aborted after {clock.Elapsed.TotalSeconds:F1} s, {connection.MessagesOut} chunks sent");
    }

    private static TimeSpan TimedBroadcast(WebSocketHub hub, byte[] payload)
    {
        var start = Stopwatch.GetTimestamp();
        hub.Broadcast(payload);
        return Stopwatch.GetElapsedTime(start);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
