using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WsReliability.AspNetCore.Diagnostics;
using WsReliability.AspNetCore.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WsReliability.AspNetCore.Tests;

[Collection(KestrelCollection.Name)]
public sealed class HandlerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ITestOutputHelper _output;

    public HandlerTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_cpu_heavy_handler_on_one_connection_delays_neither_receiving_nor_the_other_connections()
    {
        var heavy = new HeavyHandler();
        await using var server = await HubServer.StartAsync<HeavyHandler>(
            o => o.HandlerWorkers = 2,
            services => services.AddSingleton<WebSocketHubHandler>(heavy));
        using var busy = await server.ConnectAsync();
        // The client's handshake completes before the hub registers the accepted socket.
        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 1, Patience));
        var busyConnection = Assert.Single(server.Hub.Connections);
        var others = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => server.ConnectAsync()));

        await busy.SendTextAsync("heavy");
        Assert.True(heavy.Started.Wait(Patience), "the heavy handler never started");
        try
        {
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(others.Select(async (client, index) =>
            {
                for (var i = 0; i < 5; i++)
                {
                    await client.SendTextAsync($"{index}-{i}");
                    Assert.Equal($"{index}-{i}", await client.ReceiveTextAsync(Patience));
                }
            }));

            // The busy connection's own receive path is not blocked either: its next message is received while the
            // first is still being handled, and waits its turn (one sender's messages are handled in order).
            await busy.SendTextAsync("received meanwhile");
            Assert.True(await HubServer.WaitUntilAsync(() => busyConnection.MessagesIn == 2, Patience));
            _output.WriteLine($"20 round trips on 4 other connections took {clock.ElapsedMilliseconds} ms during the heavy handler");
            Assert.True(heavy.Running, "the heavy handler finished before the others were served: the test proves nothing");
        }
        finally
        {
            heavy.Release();
        }

        Assert.Equal("heavy done", await busy.ReceiveTextAsync(Patience));
        Assert.Equal("received meanwhile", await busy.ReceiveTextAsync(Patience));
        foreach (var client in others)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Health_check_reports_handler_lag_above_100_ms()
    {
        await using var server = await HubServer.StartAsync<SlowAsyncHandler>(o => o.HandlerWorkers = 1);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(server)).Status);

        using var client = await server.ConnectAsync();
        for (var i = 0; i < 4; i++)
        {
            await client.SendTextAsync($"m{i}");
        }

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal($"m{i}", await client.ReceiveTextAsync(Patience));
        }

        var report = await CheckAsync(server);
        _output.WriteLine(report.Description);
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("handler lag", report.Description);
        Assert.True(server.Metrics.Sum(WebSocketHubMetrics.HandlerLag) / 4 > 100);
    }

    [Fact]
    public async Task Health_check_reports_a_disconnect_rate_above_10_percent_and_memory_above_the_limit()
    {
        await using var server = await HubServer.StartAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => server.ConnectAsync()));
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(server)).Status);

        foreach (var client in clients.Take(4))
        {
            client.Abort();
        }

        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 16, Patience));
        var report = await CheckAsync(server);
        _output.WriteLine(report.Description);
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("disconnect rate 20", report.Description);

        server.Hub.Options.Health.MaxMemoryBytes = 1024;
        var memory = await CheckAsync(server);
        Assert.Equal(HealthStatus.Unhealthy, memory.Status);
        Assert.Contains("memory", memory.Description);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private static async Task<HealthReportEntry> CheckAsync(HubServer server)
    {
        var report = await server.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["websocket-hub"];
    }

    private sealed class HeavyHandler : WebSocketHubHandler
    {
        private readonly ManualResetEventSlim _release = new();
        private volatile bool _running;

        public ManualResetEventSlim Started { get; } = new();

        public bool Running => _running;

        public void Release() => _release.Set();

        public override ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken)
        {
            if (message.Text == "heavy")
            {
                _running = true;
                Started.Set();
                var clock = Stopwatch.StartNew();
                var spins = 0L;
                // Pure CPU work until released (bounded at 30 s so a failing test still ends).
                while (!_release.IsSet && clock.Elapsed < TimeSpan.FromSeconds(30))
                {
                    spins++;
                }

                _running = false;
                message.Connection.SendText("heavy done");
                return default;
            }

            message.Connection.Send(message.Payload, message.MessageType);
            return default;
        }
    }

    private sealed class SlowAsyncHandler : WebSocketHubHandler
    {
        public override async ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken)
        {
            await Task.Delay(250, cancellationToken);
            message.Connection.Send(message.Payload, message.MessageType);
        }
    }
}
