using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using WsReliability.Tests.Infrastructure;

namespace WsReliability.Tests;

/// <summary>The client's System.Diagnostics.Metrics instruments, read through a MeterListener on a scoped meter factory.</summary>
[Collection(RealTimeCollection.Name)]
public sealed class MetricsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Name, long Value, Dictionary<string, object?> Tags)> _longs = new();
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> _doubles = new();

    public MetricsTests()
    {
        var factory = MeterFactory;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == WsReliabilityMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _longs.Enqueue((instrument.Name, value, ToDictionary(tags))));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _doubles.Enqueue((instrument.Name, value, ToDictionary(tags))));
        _listener.Start();
    }

    private IMeterFactory MeterFactory => _services.GetRequiredService<IMeterFactory>();

    [Fact]
    public async Task State_gauge_durations_and_reconnects_follow_the_connection()
    {
        await using var server = await TestWebSocketServer.StartAsync();
        var client = new ReconnectingWebSocketClient(server.Url("echo"), ClientFactory.Fast(o => o.MeterFactory = MeterFactory));
        await client.StartAsync().WaitAsync(Patience);
        Assert.Equal(1, ClientsIn("open"));

        await server.CloseAllAsync(CloseCodePolicy.ServiceRestart);
        Assert.True(await Eventually.HoldsAsync(() => server.Accepted == 2 && client.State == ConnectionState.Open, Patience));
        await client.DisposeAsync();

        Assert.All(new[] { "disconnected", "connecting", "open", "reconnecting", "closed" }, state => Assert.Equal(0, ClientsIn(state)));
        Assert.Equal(1, Sum(WsReliabilityMetrics.ReconnectAttempts));
        var durations = _doubles.Where(m => m.Name == WsReliabilityMetrics.ConnectionDuration).ToArray();
        Assert.Equal([1012, 1000], durations.Select(d => (int)d.Tags[WsReliabilityMetrics.CloseCodeTag]!).ToArray());
        Assert.All(durations, d => Assert.True(d.Value > 0));
    }

    [Fact]
    public async Task Queue_length_drops_and_sent_messages_are_counted()
    {
        var server = await TestWebSocketServer.StartAsync();
        var port = server.Port;
        await using var client = new ReconnectingWebSocketClient(server.Url("echo"), ClientFactory.Fast(o =>
        {
            o.MeterFactory = MeterFactory;
            o.SendPolicy = SendPolicy.DropOldest;
            o.SendQueueCapacity = 2;
        }));
        await client.StartAsync().WaitAsync(Patience);
        await server.DisposeAsync();
        Assert.True(await Eventually.HoldsAsync(() => client.State == ConnectionState.Reconnecting, Patience));

        var sends = Enumerable.Range(0, 5).Select(i => client.SendTextAsync("m" + i).AsTask()).ToArray();
        Assert.Equal(2, Sum(WsReliabilityMetrics.SendQueueLength));
        Assert.Equal(3, Sum(WsReliabilityMetrics.DroppedMessages));

        await using var restarted = await TestWebSocketServer.StartAsync(port);
        await Task.WhenAll(sends[3..]).WaitAsync(Patience);
        Assert.Equal(0, Sum(WsReliabilityMetrics.SendQueueLength));
        Assert.Equal(2, Sum(WsReliabilityMetrics.SentMessages));
        Assert.All(sends[..3], s => Assert.True(s.IsFaulted));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private long Sum(string name) => _longs.Where(m => m.Name == name).Sum(m => m.Value);

    private long ClientsIn(string state) =>
        _longs.Where(m => m.Name == WsReliabilityMetrics.Connections && (string?)m.Tags[WsReliabilityMetrics.StateTag] == state).Sum(m => m.Value);

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        return dictionary;
    }
}
