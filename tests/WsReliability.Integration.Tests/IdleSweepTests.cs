using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WsReliability.AspNetCore.Diagnostics;
using WsReliability.Integration.Tests.Infrastructure;

namespace WsReliability.Integration.Tests;

/// <summary>
/// Issue 19, finding 2: the idle sweep must not drop quiet clients whose keep-alive works, closes the idle ones with
/// a Close frame and a spread delay hint, and reconnecting clients are not replayed the history again.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class IdleSweepTests
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Quiet_clients_whose_keep_alive_works_are_never_swept()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HubHost.StartAsync<RecordingHandler>(
            o => o.KeepAliveInterval = KeepAlive,
            services => services.AddSingleton<TimeProvider>(time));
        var options = Clients.Fast(o =>
        {
            o.KeepAliveMode = KeepAliveMode.Protocol;
            o.KeepAliveInterval = KeepAlive;
            o.KeepAliveTimeout = TimeSpan.FromSeconds(5);
        });
        var clients = Enumerable.Range(0, 3).Select(_ => new ReconnectingWebSocketClient(host.Uri, options)).ToArray();
        try
        {
            await Task.WhenAll(clients.Select(c => c.StartAsync())).WaitAsync(Eventually.Patience);
            Assert.True(await Eventually.HoldsAsync(() => host.Hub.Connections.Count == clients.Length));
            var transitions = clients.Select(c => c.Transitions()).ToArray();

            // Six minutes of the hub's clock (idle timeout 5 minutes, sweep every 30 s), in sweep steps; between steps
            // the keep-alive frames (real time) reach the hub, which counts them as activity.
            for (var step = 0; step < 12; step++)
            {
                time.Advance(TimeSpan.FromSeconds(30));
                var now = time.GetUtcNow();
                Assert.True(await Eventually.HoldsAsync(() => host.Hub.Connections.All(c => c.LastActivity >= now), TimeSpan.FromSeconds(5)),
                    $"step {step}: the keep-alive of a quiet client did not count as activity");
            }

            Assert.Equal(0, host.Metrics.Sum(WebSocketHubMetrics.Disconnects));
            Assert.Equal(clients.Length, host.Metrics.Sum(WebSocketHubMetrics.AcceptedConnections));
            Assert.All(transitions, t => Assert.DoesNotContain(t, x => x.To == ConnectionState.Reconnecting));
        }
        finally
        {
            await Clients.DisposeAllAsync(clients);
        }
    }

    [Fact]
    public async Task Idle_peers_are_closed_with_1001_one_after_the_other_with_delay_hints_spread_at_the_admission_rate()
    {
        const int peers = 5;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await HubHost.StartAsync<RecordingHandler>(
            o =>
            {
                o.IdleTimeout = TimeSpan.FromMinutes(1);
                o.SweepInterval = TimeSpan.FromSeconds(10);
                o.AdmissionRate = 2;
                o.RetryAfter = TimeSpan.FromSeconds(5);
            },
            services => services.AddSingleton<TimeProvider>(time));

        // Peers without any keep-alive (a ClientWebSocket with KeepAliveInterval 0): nothing arrives from them.
        var sockets = new List<ClientWebSocket>();
        for (var i = 0; i < peers; i++)
        {
            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            await socket.ConnectAsync(host.Uri, CancellationToken.None);
            sockets.Add(socket);
        }

        // Past the idle timeout in sweep steps, then in steps of 100 ms so that each close is seen at the time it came.
        var closes = sockets.Select(s => ReceiveCloseAsync(s, time)).ToArray();
        time.Advance(TimeSpan.FromSeconds(60));
        for (var step = 0; step < 600 && !closes.All(c => c.IsCompleted); step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.WhenAny(Task.WhenAll(closes), Task.Delay(10));
        }

        Assert.True(closes.All(c => c.IsCompleted), "not every idle peer was closed");
        var results = await Task.WhenAll(closes);
        Assert.All(sockets, s => Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, s.CloseStatus));
        Assert.All(results, r => Assert.True(r.Hint >= TimeSpan.FromSeconds(5), $"hint {r.Hint}"));

        // One close every 1 / AdmissionRate = 0.5 s, each with its hint: the peers are told to come back 0.5 s apart.
        var comeBack = results.Select(r => r.ClosedAt + r.Hint).OrderBy(t => t).ToArray();
        for (var i = 1; i < comeBack.Length; i++)
        {
            Assert.True(comeBack[i] - comeBack[i - 1] >= TimeSpan.FromMilliseconds(350),
                $"asked back at {string.Join(", ", comeBack.Select(t => t.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)))}");
        }

        Assert.True(await Eventually.HoldsAsync(() => host.Metrics.Sum(WebSocketHubMetrics.Disconnects, "close_status", "1001") == peers));
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
    }

    [Fact]
    public async Task A_client_that_reconnects_is_not_replayed_the_history_it_already_got()
    {
        await using var host = await HubHost.StartAsync<RecordingHandler>(o => o.ReplayHistoryOnConnect = true);
        for (var i = 0; i < 3; i++)
        {
            host.Hub.BroadcastText($"m{i}");
        }

        await using var client = new ReconnectingWebSocketClient(host.Uri, Clients.Fast());
        await client.StartAsync().WaitAsync(Eventually.Patience);
        var received = client.Collect();
        Assert.True(await Eventually.HoldsAsync(() => received.Count == 3));

        for (var reconnect = 1; reconnect <= 3; reconnect++)
        {
            var connection = Assert.Single(host.Hub.Connections);
            connection.Close((WebSocketCloseStatus)1012, "restart");
            var accepted = reconnect + 1;
            Assert.True(await Eventually.HoldsAsync(() =>
                host.Metrics.Sum(WebSocketHubMetrics.AcceptedConnections) == accepted && host.Hub.Connections.Count == 1 && client.State == ConnectionState.Open));
        }

        host.Hub.BroadcastText("live");
        Assert.True(await Eventually.HoldsAsync(() => received.Contains("live")));
        Assert.Equal(["m0", "m1", "m2", "live"], received);
    }

    private static async Task<(DateTimeOffset ClosedAt, TimeSpan Hint)> ReceiveCloseAsync(ClientWebSocket socket, TimeProvider time)
    {
        var buffer = new byte[256];
        using var timeout = new CancellationTokenSource(Eventually.Patience);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                var closedAt = time.GetUtcNow();
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                var description = socket.CloseStatusDescription ?? "";
                var at = description.IndexOf("retry-after=", StringComparison.Ordinal);
                Assert.True(at >= 0, $"no delay hint in '{description}'");
                return (closedAt, TimeSpan.FromSeconds(double.Parse(description[(at + "retry-after=".Length)..], CultureInfo.InvariantCulture)));
            }
        }
    }
}
