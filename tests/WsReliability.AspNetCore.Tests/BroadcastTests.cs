using System;
using System.IO;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WsReliability.AspNetCore.Diagnostics;

namespace WsReliability.AspNetCore.Tests;

/// <summary>
/// Broadcast bookkeeping on real WebSocket objects (server sockets over in-memory streams), in process: what the
/// Kestrel tests cannot pin down because the receive loop usually notices a dead peer first.
/// </summary>
public sealed class BroadcastTests
{
    [Fact]
    public void Broadcast_skips_closing_peers_removes_dead_ones_and_queues_for_the_rest()
    {
        using var meters = new TestMeterFactory();
        using var metrics = new WebSocketHubMetrics(meters);
        var hub = new WebSocketHub(Options.Create(new WebSocketHubOptions()), metrics, TimeProvider.System, NullLogger<WebSocketHub>.Instance);
        var live = Register(hub, metrics);
        var closing = Register(hub, metrics);
        var dead = Register(hub, metrics);
        closing.Close(WebSocketCloseStatus.NormalClosure);
        dead.Abort();

        var result = hub.BroadcastText("hello");

        Assert.Equal(new BroadcastResult(Queued: 1, Skipped: 2, ClosedSlowConsumers: 0, RemovedDeadPeers: 1), result);
        Assert.Equal(2, hub.Connections.Count);
        Assert.False(hub.Connections.TryGet(dead.Id, out _));
        Assert.Equal(1, live.QueuedMessages);
        Assert.Equal(0, closing.QueuedMessages);
        Assert.Equal(1, hub.History.Count);
    }

    [Fact]
    public void A_full_queue_closes_the_peer_under_the_close_policy_and_others_still_get_the_message()
    {
        using var meters = new TestMeterFactory();
        using var metrics = new WebSocketHubMetrics(meters);
        var options = new WebSocketHubOptions { SendQueueCapacity = 2, SlowConsumerPolicy = SlowConsumerPolicy.Close };
        var hub = new WebSocketHub(Options.Create(options), metrics, TimeProvider.System, NullLogger<WebSocketHub>.Instance);
        var slow = Register(hub, metrics, options);
        slow.SendText("1");
        slow.SendText("2");
        var other = Register(hub, metrics, options);

        var result = hub.BroadcastText("3");

        Assert.Equal(1, result.Queued);
        Assert.Equal(1, result.ClosedSlowConsumers);
        Assert.False(slow.IsOpen);
        Assert.Equal(1, other.QueuedMessages);
        Assert.False(slow.SendText("4"));
    }

    [Theory]
    [InlineData(SlowConsumerPolicy.Close)]
    [InlineData(SlowConsumerPolicy.DropOldest)]
    public void A_queue_is_bounded_in_bytes_as_well_as_in_messages(SlowConsumerPolicy policy)
    {
        using var meters = new TestMeterFactory();
        using var metrics = new WebSocketHubMetrics(meters);
        var options = new WebSocketHubOptions { SendQueueCapacity = 100, SendQueueMaxBytes = 250, SlowConsumerPolicy = policy };
        var hub = new WebSocketHub(Options.Create(options), metrics, TimeProvider.System, NullLogger<WebSocketHub>.Instance);
        var peer = Register(hub, metrics, options);

        Assert.True(peer.Send(new byte[100]));
        Assert.True(peer.Send(new byte[100]));
        var third = peer.Send(new byte[100]);

        if (policy == SlowConsumerPolicy.Close)
        {
            Assert.False(third);
            Assert.False(peer.IsOpen);
            Assert.Equal(2, peer.QueuedMessages);
        }
        else
        {
            Assert.True(third);
            Assert.True(peer.IsOpen);
            Assert.Equal(2, peer.QueuedMessages);
        }
    }

    [Fact]
    public void A_single_message_larger_than_the_byte_bound_still_goes_to_an_empty_queue()
    {
        using var meters = new TestMeterFactory();
        using var metrics = new WebSocketHubMetrics(meters);
        var options = new WebSocketHubOptions { SendQueueMaxBytes = 10 };
        var hub = new WebSocketHub(Options.Create(options), metrics, TimeProvider.System, NullLogger<WebSocketHub>.Instance);
        var peer = Register(hub, metrics, options);

        Assert.True(peer.Send(new byte[1000]));
        Assert.Equal(1, peer.QueuedMessages);
    }

    private static HubConnection Register(WebSocketHub hub, WebSocketHubMetrics metrics, WebSocketHubOptions? options = null)
    {
        var socket = WebSocket.CreateFromStream(new MemoryStream(), new WebSocketCreationOptions { IsServer = true });
        var connection = new HubConnection(Guid.NewGuid().ToString("N"), socket, null, options ?? hub.Options, metrics, TimeProvider.System, NullLogger.Instance);
        Assert.NotNull(hub.Connections.TryRegister(connection));
        return connection;
    }

    private sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        private readonly System.Collections.Generic.List<System.Diagnostics.Metrics.Meter> _meters = new();

        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
        {
            var meter = new System.Diagnostics.Metrics.Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
