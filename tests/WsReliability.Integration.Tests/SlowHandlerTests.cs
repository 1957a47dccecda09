using System;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using WsReliability.AspNetCore;
using WsReliability.AspNetCore.Diagnostics;
using WsReliability.Integration.Tests.Infrastructure;

namespace WsReliability.Integration.Tests;

/// <summary>
/// Issue 19, finding 4: one connection whose handler is stuck (a 6 s call in the report; here until released) must
/// not stall the receive loops or the keep-alive of the others, and a dead connection must leave the registry.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class SlowHandlerTests
{
    private const int Others = 5;
    private const int StuckMessages = 1100;
    // Short enough that five rounds cover several keep-alive periods, long enough that a loaded machine's stalls are
    // not taken for dead peers.
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromMilliseconds(1500);

    [Fact]
    public async Task One_stuck_handler_neither_stalls_nor_disconnects_the_other_clients_and_leaves_no_zombie_entry()
    {
        var handler = new StuckOnDemandHandler();
        await using var host = await HubHost.StartAsync<StuckOnDemandHandler>(
            o =>
            {
                o.HandlerWorkers = 2;
                o.KeepAliveInterval = KeepAliveInterval;
                o.KeepAliveTimeout = KeepAliveTimeout;
            },
            s => s.AddSingleton<WebSocketHubHandler>(handler));
        var options = Clients.Fast(o =>
        {
            o.KeepAliveMode = KeepAliveMode.Protocol;
            o.KeepAliveInterval = KeepAliveInterval;
            o.KeepAliveTimeout = KeepAliveTimeout;
        });
        var others = Enumerable.Range(0, Others).Select(_ => new ReconnectingWebSocketClient(host.Uri, options)).ToArray();
        using var stuck = new ClientWebSocket();
        try
        {
            await Task.WhenAll(others.Select(c => c.StartAsync())).WaitAsync(Eventually.Patience);
            var transitions = others.Select(c => c.Transitions()).ToArray();
            var replies = others.Select(c => c.Collect()).ToArray();

            // A peer whose every message makes the handler wait, sending more than the hub's handlers can hold.
            await stuck.ConnectAsync(host.Uri, CancellationToken.None);
            Assert.True(await Eventually.HoldsAsync(() => host.Hub.Connections.Count == Others + 1));
            var stuckSends = Task.Run(async () =>
            {
                for (var i = 0; i < StuckMessages; i++)
                {
                    await stuck.SendAsync(Encoding.UTF8.GetBytes("stuck"), WebSocketMessageType.Text, true, CancellationToken.None);
                }
            });
            Assert.True(await Eventually.HoldsAsync(() => handler.StuckCalls >= 1), "the stuck handler never started");

            // Meanwhile every other client is served, and for several keep-alive periods none of them is dropped.
            for (var round = 0; round < 5; round++)
            {
                foreach (var (client, index) in others.Select((c, i) => (c, i)))
                {
                    await client.SendTextAsync($"echo {index}.{round}").AsTask().WaitAsync(Eventually.Patience);
                }

                var expected = round + 1;
                Assert.True(await Eventually.HoldsAsync(() => replies.All(r => r.Count == expected), TimeSpan.FromSeconds(10)),
                    $"round {round}: replies {string.Join(", ", replies.Select(r => r.Count))}");
                await Task.Delay(KeepAliveInterval * 2);
            }

            Assert.All(transitions, t => Assert.DoesNotContain(t, x => x.To == ConnectionState.Reconnecting));

            // The registry holds live connections only: never more than the peers there are.
            Assert.True(await Eventually.StaysAsync(() => host.Hub.Connections.Count <= Others + 1, TimeSpan.FromSeconds(1)),
                $"{host.Hub.Connections.Count} registered for {Others + 1} peers");
            Assert.True(host.Metrics.Sum(WebSocketHubMetrics.Disconnects) <= 1, "only the stuck peer may have been dropped");
            stuck.Abort();
            await stuckSends.ContinueWith(_ => { }, TaskScheduler.Default);
            Assert.True(await Eventually.HoldsAsync(() => host.Hub.Connections.Count == Others),
                $"{host.Hub.Connections.Count} registered after the stuck peer left; {Others} are connected");
        }
        finally
        {
            handler.Release();
            await Clients.DisposeAllAsync(others);
        }
    }

    /// <summary>Echoes, except "stuck", on which it waits until released.</summary>
    private sealed class StuckOnDemandHandler : WebSocketHubHandler
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _stuckCalls;

        public int StuckCalls => Volatile.Read(ref _stuckCalls);

        public void Release() => _released.TrySetResult();

        public override async ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken)
        {
            if (message.Text == "stuck")
            {
                Interlocked.Increment(ref _stuckCalls);
                await _released.Task.WaitAsync(cancellationToken);
                return;
            }

            message.Connection.Send(message.Payload, message.MessageType);
        }
    }
}
