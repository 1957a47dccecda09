using System;
using System.Linq;
using System.Net.WebSockets;
using System.Threading.Tasks;
using WsReliability.Tests.Infrastructure;

namespace WsReliability.Tests;

/// <summary>The state machine and which closes lead to a reconnect, against a real Kestrel server.</summary>
[Collection(RealTimeCollection.Name)]
public sealed class CloseSemanticsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task States_go_from_disconnected_through_open_and_reconnecting_to_closed()
    {
        await using var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url("echo"), ClientFactory.Fast());
        var transitions = client.Transitions();
        Assert.Equal(ConnectionState.Disconnected, client.State);

        await client.StartAsync().WaitAsync(Patience);
        await server.CloseAllAsync(CloseCodePolicy.ServiceRestart);
        Assert.True(await Eventually.HoldsAsync(() => server.Accepted == 2 && client.State == ConnectionState.Open, Patience));
        await client.CloseAsync().WaitAsync(Patience);

        Assert.Equal(
            [
                (ConnectionState.Disconnected, ConnectionState.Connecting),
                (ConnectionState.Connecting, ConnectionState.Open),
                (ConnectionState.Open, ConnectionState.Reconnecting),
                (ConnectionState.Reconnecting, ConnectionState.Open),
                (ConnectionState.Open, ConnectionState.Closed),
            ],
            transitions.ToArray());
        Assert.True(await Eventually.HoldsAsync(() => server.CloseStatusesReceived.Contains(WebSocketCloseStatus.NormalClosure), Patience));
        Assert.True(client.Completion.IsCompleted);
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(1011)]
    [InlineData(1012)]
    [InlineData(1013)]
    [InlineData(null)]
    public async Task Going_away_server_errors_restarts_and_abnormal_closures_reconnect(int? code)
    {
        await using var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url("echo"), ClientFactory.Fast());
        await client.StartAsync().WaitAsync(Patience);

        await server.CloseAllAsync((WebSocketCloseStatus?)code);

        Assert.True(await Eventually.HoldsAsync(() => server.Accepted == 2 && client.State == ConnectionState.Open, Patience));
        Assert.Equal((WebSocketCloseStatus?)code, client.LastClose!.Status);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1008)]
    [InlineData(1003)]
    [InlineData(4000)]
    public async Task Normal_closure_policy_violations_and_application_codes_do_not_reconnect(int code)
    {
        var options = ClientFactory.Fast();
        await using var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url("echo"), options);
        await client.StartAsync().WaitAsync(Patience);

        await server.CloseAllAsync((WebSocketCloseStatus)code);

        await client.Completion.WaitAsync(Patience);
        Assert.Equal(ConnectionState.Closed, client.State);
        Assert.Equal((WebSocketCloseStatus)code, client.LastClose!.Status);
        await Task.Delay(options.Reconnect.MaxDelay * 3);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task The_close_hook_decides_per_close_code()
    {
        var asked = new System.Collections.Concurrent.ConcurrentQueue<CloseInfo>();
        var options = ClientFactory.Fast(o => o.ShouldReconnect = close =>
        {
            asked.Enqueue(close);
            return close.Status == (WebSocketCloseStatus)4000;
        });
        await using var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url("echo"), options);
        await client.StartAsync().WaitAsync(Patience);

        await server.CloseAllAsync((WebSocketCloseStatus)4000);
        Assert.True(await Eventually.HoldsAsync(() => server.Accepted == 2 && client.State == ConnectionState.Open, Patience));
        await server.CloseAllAsync(WebSocketCloseStatus.InternalServerError);
        await client.Completion.WaitAsync(Patience);

        Assert.Equal([(WebSocketCloseStatus)4000, WebSocketCloseStatus.InternalServerError], asked.Select(c => c.Status!.Value).ToArray());
        Assert.Equal(2, server.Accepted);
    }

    [Fact]
    public async Task There_is_never_more_than_one_connection_or_connect_at_a_time()
    {
        await using var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url("echo"), ClientFactory.Fast());
        var most = 0;
        using var sampling = new System.Threading.CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                most = Math.Max(most, server.OpenSockets);
                await Task.Delay(2);
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => client.StartAsync()))).WaitAsync(Patience);
        for (var restart = 1; restart <= 5; restart++)
        {
            Assert.True(await Eventually.HoldsAsync(() => server.Accepted == restart && client.State == ConnectionState.Open, Patience));
            await server.CloseAllAsync(CloseCodePolicy.ServiceRestart);
        }

        Assert.True(await Eventually.HoldsAsync(() => server.Accepted == 6 && client.State == ConnectionState.Open, Patience));
        sampling.Cancel();
        await sampler;
        Assert.Equal(1, most);
        Assert.Equal(6, server.Accepted);
    }

    [Fact]
    public async Task The_backoff_restarts_after_a_stable_connection_and_keeps_growing_while_connections_flap()
    {
        var options = ClientFactory.Fast(o => o.Reconnect.StableConnectionTime = TimeSpan.FromSeconds(1));
        await using var server = await TestWebSocketServer.StartAsync();

        await using (var stable = new ReconnectingWebSocketClient(server.Url("echo"), options))
        {
            var attempts = new System.Collections.Concurrent.ConcurrentQueue<int>();
            stable.ReconnectScheduled += (_, e) => attempts.Enqueue(e.Attempt);
            await stable.StartAsync().WaitAsync(Patience);
            for (var drop = 1; drop <= 2; drop++)
            {
                await Task.Delay(options.Reconnect.StableConnectionTime * 1.5);
                await server.CloseAllAsync(CloseCodePolicy.ServiceRestart);
                Assert.True(await Eventually.HoldsAsync(() => server.Accepted == drop + 1 && stable.State == ConnectionState.Open, Patience));
            }

            Assert.Equal([1, 1], attempts.ToArray());
        }

        // A server that accepts and closes at once: every connection is unstable, so the count (and delay) grows.
        await using var flapping = new ReconnectingWebSocketClient(server.Url("close/1012"), options);
        var flaps = new System.Collections.Concurrent.ConcurrentQueue<int>();
        flapping.ReconnectScheduled += (_, e) => flaps.Enqueue(e.Attempt);
        await flapping.StartAsync().WaitAsync(Patience);
        Assert.True(await Eventually.HoldsAsync(() => flaps.Count >= 4, Patience));
        Assert.Equal([1, 2, 3, 4], flaps.Take(4).ToArray());
    }

    [Fact]
    public async Task A_client_that_gives_up_closes_and_start_reports_it()
    {
        int port;
        await using (var probe = await TestWebSocketServer.StartAsync())
        {
            port = probe.Port;
        }

        var options = ClientFactory.Fast(o => o.Reconnect.MaxAttempts = 2);
        await using var client = new ReconnectingWebSocketClient(new Uri($"ws://127.0.0.1:{port}/echo"), options);
        var scheduled = new System.Collections.Concurrent.ConcurrentQueue<int>();
        client.ReconnectScheduled += (_, e) => scheduled.Enqueue(e.Attempt);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.StartAsync().WaitAsync(Patience));

        Assert.Equal(ConnectionState.Closed, client.State);
        Assert.Equal([1, 2], scheduled.ToArray());
    }
}
