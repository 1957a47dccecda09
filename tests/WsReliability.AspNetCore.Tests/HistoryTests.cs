using System;
using System.Linq;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WsReliability.AspNetCore.Tests.Infrastructure;

namespace WsReliability.AspNetCore.Tests;

public sealed class MessageHistoryTests
{
    [Fact]
    public void History_stays_at_capacity_after_100000_messages_and_keeps_the_newest_in_order()
    {
        var history = new MessageHistory(1000);
        for (var i = 1; i <= 100_000; i++)
        {
            history.Add(BitConverter.GetBytes(i), WebSocketMessageType.Binary);
            Assert.True(history.Count <= 1000);
        }

        var kept = history.Snapshot();
        Assert.Equal(1000, history.Count);
        Assert.Equal(Enumerable.Range(99_001, 1000), kept.Select(m => BitConverter.ToInt32(m.Payload.Span)));
        Assert.Equal(Enumerable.Range(99_001, 1000).Select(i => (long)i), kept.Select(m => m.Sequence));
        Assert.Equal(new long[] { 99_999, 100_000 }, history.After(99_998).Select(m => m.Sequence));
    }

    [Fact]
    public void History_of_capacity_zero_keeps_nothing()
    {
        var history = new MessageHistory(0);
        history.Add(new byte[1], WebSocketMessageType.Binary);
        Assert.Empty(history.Snapshot());
    }
}

[Collection(KestrelCollection.Name)]
public sealed class HistoryReplayTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task History_is_bounded_end_to_end_and_replayed_to_a_new_client_before_live_messages()
    {
        const int capacity = 50;
        const int messages = 2_000;
        await using var server = await HubServer.StartAsync<BroadcastHandler>(o =>
        {
            o.HistoryCapacity = capacity;
            o.ReplayHistoryOnConnect = true;
            o.HandlerWorkers = 1; // one worker keeps the broadcast order equal to the send order
        });
        using var sender = await server.ConnectAsync();
        for (var i = 0; i < messages; i++)
        {
            await sender.SendTextAsync($"m{i}");
            Assert.Equal($"m{i}", await sender.ReceiveTextAsync(Patience));
        }

        Assert.Equal(capacity, server.Hub.History.Count);

        using var late = await server.ConnectAsync();
        for (var i = messages - capacity; i < messages; i++)
        {
            Assert.Equal($"m{i}", await late.ReceiveTextAsync(Patience));
        }

        await sender.SendTextAsync("live");
        Assert.Equal("live", await late.ReceiveTextAsync(Patience));
        Assert.Equal(capacity, server.Hub.History.Count);
    }

    [Fact]
    public async Task A_reconnecting_client_can_ask_for_what_it_missed()
    {
        await using var server = await HubServer.StartAsync<ResumeHandler>(o => o.HistoryCapacity = 100);
        for (var i = 0; i < 10; i++)
        {
            server.Hub.BroadcastText($"m{i}");
        }

        // Saw up to sequence 7 before its connection dropped.
        using var client = await server.ConnectAsync(o => o.SetRequestHeader("X-Last-Sequence", "7"));
        Assert.Equal("m7", await client.ReceiveTextAsync(Patience));
        Assert.Equal("m8", await client.ReceiveTextAsync(Patience));
        Assert.Equal("m9", await client.ReceiveTextAsync(Patience));
    }

    private sealed class BroadcastHandler : WebSocketHubHandler
    {
        private readonly WebSocketHub _hub;

        public BroadcastHandler(WebSocketHub hub) => _hub = hub;

        public override ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken)
        {
            _hub.Broadcast(message.Payload, message.MessageType);
            return default;
        }
    }

    private sealed class ResumeHandler : WebSocketHubHandler
    {
        private readonly WebSocketHub _hub;

        public ResumeHandler(WebSocketHub hub) => _hub = hub;

        public override ValueTask OnConnectedAsync(HubConnection connection, CancellationToken cancellationToken)
        {
            if (long.TryParse(connection.HttpContext?.Request.Headers["X-Last-Sequence"], out var last))
            {
                connection.ReplayOnStart(_hub.History.After(last));
            }

            return default;
        }

        public override ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken) => default;
    }
}
