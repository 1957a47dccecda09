using System;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WsReliability.Tests.Infrastructure;

namespace WsReliability.Tests;

/// <summary>Sending through the single writer and receiving whole messages, against a real Kestrel server.</summary>
[Collection(RealTimeCollection.Name)]
public sealed class MessagingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Thousands_of_concurrent_sends_never_overlap_and_all_arrive()
    {
        const int count = 5_000;
        await using var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url("echo"), ClientFactory.Fast(o => o.SendQueueCapacity = 256));
        await client.StartAsync().WaitAsync(Patience);
        var echoes = CountEchoesAsync(client, count);

        using var go = new ManualResetEventSlim();
        var sends = Enumerable.Range(0, count)
            .Select(i => Task.Run(async () =>
            {
                go.Wait();
                await client.SendTextAsync("message " + i);
            }))
            .ToArray();
        go.Set();
        await Task.WhenAll(sends).WaitAsync(Patience);

        Assert.All(sends, s => Assert.True(s.IsCompletedSuccessfully));
        Assert.Equal(count, await echoes.WaitAsync(Patience));
        Assert.Equal(count, server.TextsReceived.Distinct().Count());
        Assert.Equal(ConnectionState.Open, client.State);
    }

    [Fact]
    public async Task Fragments_are_delivered_as_one_whole_message()
    {
        await using var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url("fragments"), ClientFactory.Fast());
        await client.StartAsync().WaitAsync(Patience);

        await using var messages = client.ReceiveAllAsync().GetAsyncEnumerator();
        Assert.True(await messages.MoveNextAsync().AsTask().WaitAsync(Patience));

        Assert.Equal(WebSocketMessageType.Text, messages.Current.Type);
        Assert.Equal("hello world", messages.Current.Text);
    }

    [Fact]
    public async Task An_endless_message_closes_with_1009_without_unbounded_memory()
    {
        const int limit = 64 * 1024;
        await using var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url("flood"), ClientFactory.Fast(o => o.MaxMessageSize = limit));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        await client.StartAsync().WaitAsync(Patience);
        await client.Completion.WaitAsync(Patience);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.LastClose!.Status);
        Assert.True(client.LastClose.InitiatedByClient);
        Assert.True(await Eventually.HoldsAsync(() => server.CloseStatusesReceived.Contains(WebSocketCloseStatus.MessageTooBig), Patience));
        Assert.True(Interlocked.Read(ref server.FloodBytesSent) < 256L * 1024 * 1024, "the server was never told to stop");
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated / 1024 / 1024} MiB allocated while refusing a message over 64 KiB");
        Assert.Equal(ConnectionState.Closed, client.State);
    }

    [Fact]
    public async Task Fail_fast_rejects_sends_while_the_connection_is_down()
    {
        var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url("echo"), ClientFactory.Fast(o => o.SendPolicy = SendPolicy.FailFast));
        await client.StartAsync().WaitAsync(Patience);
        await client.SendTextAsync("while open").AsTask().WaitAsync(Patience);

        await server.DisposeAsync();
        Assert.True(await Eventually.HoldsAsync(() => client.State == ConnectionState.Reconnecting, Patience));

        var rejected = await Assert.ThrowsAsync<SendRejectedException>(() => client.SendTextAsync("while down").AsTask());
        Assert.Equal(SendRejectionReason.NotConnected, rejected.Reason);
    }

    [Fact]
    public async Task Drop_oldest_keeps_the_newest_messages_while_down_and_sends_them_after_the_reconnect()
    {
        var server = await TestWebSocketServer.StartAsync();
        var port = server.Port;
        await using var client = new ReconnectingWebSocketClient(server.Url("echo"), ClientFactory.Fast(o =>
        {
            o.SendPolicy = SendPolicy.DropOldest;
            o.SendQueueCapacity = 3;
        }));
        await client.StartAsync().WaitAsync(Patience);
        await server.DisposeAsync();
        Assert.True(await Eventually.HoldsAsync(() => client.State == ConnectionState.Reconnecting, Patience));

        var sends = Enumerable.Range(1, 5).Select(i => client.SendTextAsync("update " + i).AsTask()).ToArray();
        var dropped = await Assert.ThrowsAsync<SendRejectedException>(() => sends[0]);
        Assert.Equal(SendRejectionReason.Dropped, dropped.Reason);
        await Assert.ThrowsAsync<SendRejectedException>(() => sends[1]);
        Assert.Equal(3, client.SendQueueLength);

        await using var restarted = await TestWebSocketServer.StartAsync(port);
        await Task.WhenAll(sends[2..]).WaitAsync(Patience);
        Assert.True(await Eventually.HoldsAsync(() => restarted.TextsReceived.Count == 3, Patience));
        Assert.Equal(["update 3", "update 4", "update 5"], restarted.TextsReceived.ToArray());
    }

    [Fact]
    public async Task Wait_holds_sends_while_down_and_delivers_them_in_order_after_the_reconnect()
    {
        var server = await TestWebSocketServer.StartAsync();
        var port = server.Port;
        await using var client = new ReconnectingWebSocketClient(server.Url("echo"), ClientFactory.Fast(o => o.SendQueueCapacity = 2));
        await client.StartAsync().WaitAsync(Patience);
        await server.DisposeAsync();
        Assert.True(await Eventually.HoldsAsync(() => client.State == ConnectionState.Reconnecting, Patience));

        var sends = Enumerable.Range(1, 4).Select(i => client.SendTextAsync("queued " + i).AsTask()).ToArray();
        await Task.Delay(300);
        Assert.DoesNotContain(sends, s => s.IsCompleted);

        await using var restarted = await TestWebSocketServer.StartAsync(port);
        await Task.WhenAll(sends).WaitAsync(Patience);
        Assert.True(await Eventually.HoldsAsync(() => restarted.TextsReceived.Count == 4, Patience));
        Assert.Equal(["queued 1", "queued 2", "queued 3", "queued 4"], restarted.TextsReceived.ToArray());
    }

    private static async Task<int> CountEchoesAsync(ReconnectingWebSocketClient client, int expected)
    {
        var count = 0;
        await foreach (var message in client.ReceiveAllAsync())
        {
            if (++count == expected)
            {
                break;
            }
        }

        return count;
    }
}
