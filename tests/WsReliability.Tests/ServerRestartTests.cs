using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using WsReliability.Tests.Infrastructure;

namespace WsReliability.Tests;

/// <summary>200 clients through a server restart: spread out, all back within the maximum delay, none after a normal closure.</summary>
[Collection(RealTimeCollection.Name)]
public sealed class ServerRestartTests
{
    private const int Clients = 200;
    private static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Clients_of_a_restarted_server_come_back_spread_out_and_stop_after_a_normal_closure()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var attempts = new ConcurrentQueue<TimeSpan>();
        var clock = Stopwatch.StartNew();
        using var listener = ListenToReconnectAttempts(meterFactory, () => attempts.Enqueue(clock.Elapsed));

        var storms = new ReconnectStormDetector();
        var stormDetected = 0;
        storms.StormDetected += (_, _) => Interlocked.Increment(ref stormDetected);

        var first = await TestWebSocketServer.StartAsync();
        var port = first.Port;
        var options = ClientFactory.Fast(o =>
        {
            o.Reconnect.BaseDelay = BaseDelay;
            o.Reconnect.MaxDelay = MaxDelay;
            o.MeterFactory = meterFactory;
            o.StormDetector = storms;
        });
        var clients = Enumerable.Range(0, Clients).Select(_ => new ReconnectingWebSocketClient(first.Url("echo"), options)).ToArray();
        var due = new ConcurrentQueue<TimeSpan>();
        foreach (var client in clients)
        {
            client.ReconnectScheduled += (_, e) => due.Enqueue(clock.Elapsed + e.Delay);
        }

        try
        {
            await Task.WhenAll(clients.Select(c => c.StartAsync())).WaitAsync(Patience);
            Assert.True(await Eventually.HoldsAsync(() => first.OpenSockets == Clients, Patience));

            // The restart: every connection is closed with 1012 and the port refuses connections for a second.
            await first.StopAsync(CloseCodePolicy.ServiceRestart);
            await first.DisposeAsync();
            Assert.True(await Eventually.HoldsAsync(() => clients.All(c => c.State == ConnectionState.Reconnecting), Patience));
            await Task.Delay(TimeSpan.FromSeconds(1));
            await using var second = await TestWebSocketServer.StartAsync(port);
            var backAfter = Stopwatch.StartNew();

            Assert.True(
                await Eventually.HoldsAsync(() => clients.All(c => c.State == ConnectionState.Open), MaxDelay + Margin),
                $"{clients.Count(c => c.State != ConnectionState.Open)} clients not back {MaxDelay + Margin} after the server was");
            Assert.True(backAfter.Elapsed <= MaxDelay + Margin);
            Assert.Equal(Clients, second.Accepted);

            // Spread: reconnecting at once puts every client into one 100 ms interval; the jittered delays (the
            // first one 0 to 1.4 s here) spread them. When the attempts are due is the client's doing; when they
            // actually run also depends on the machine (a process stalled for a second runs a second of timers at
            // once), so the actual attempts only have to cover several intervals.
            var busiestDue = due.GroupBy(t => (long)(t.TotalMilliseconds / 100)).Max(g => g.Count());
            var actual = attempts.GroupBy(t => (long)(t.TotalMilliseconds / 100)).ToArray();
            var histogram = string.Join(" ", actual.OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}"));
            Assert.True(busiestDue <= Clients / 4, $"{busiestDue} reconnect attempts due in one 100 ms interval; actual: {histogram}");
            Assert.True(actual.Length >= 5, $"all reconnect attempts ran in {actual.Length} intervals of 100 ms: {histogram}");
            Assert.True(attempts.Count >= Clients, "every client made at least one reconnect attempt");

            // 200 clients reconnecting within a few seconds is well above 5 reconnects/s: the shared detector says so, once.
            Assert.Equal(1, Volatile.Read(ref stormDetected));

            // A normal closure: nobody comes back.
            await second.CloseAllAsync(WebSocketCloseStatus.NormalClosure);
            await Task.WhenAll(clients.Select(c => c.Completion)).WaitAsync(Patience);
            var attemptsAtClose = attempts.Count;
            await Task.Delay(MaxDelay + TimeSpan.FromSeconds(1));
            Assert.Equal(attemptsAtClose, attempts.Count);
            Assert.Equal(Clients, second.Accepted);
            Assert.All(clients, c => Assert.Equal(ConnectionState.Closed, c.State));
        }
        finally
        {
            await ClientFactory.DisposeAllAsync(clients);
        }
    }

    private static MeterListener ListenToReconnectAttempts(IMeterFactory factory, Action record)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == WsReliabilityMetrics.ReconnectAttempts)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, _, _) => record());
        listener.Start();
        return listener;
    }
}
