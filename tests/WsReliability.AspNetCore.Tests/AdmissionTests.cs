using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WsReliability.AspNetCore.Diagnostics;
using WsReliability.AspNetCore.Tests.Infrastructure;

namespace WsReliability.AspNetCore.Tests;

/// <summary>The hub tells the clients it turns away when to come back, and spreads them at its admission rate.</summary>
[Collection(KestrelCollection.Name)]
public sealed class AdmissionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_unavailable_hub_answers_503_with_a_Retry_After_one_admission_interval_later_for_each_client()
    {
        await using var server = await HubServer.StartAsync(o => o.AdmissionRate = 2);
        server.Hub.SetUnavailable(TimeSpan.FromSeconds(10));
        Assert.Equal(HubAvailability.Unavailable, server.Hub.Availability);

        var hints = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            using var refused = new ClientWebSocket();
            refused.Options.CollectHttpResponseDetails = true;
            await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(server.Uri, CancellationToken.None));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.HttpStatusCode);
            hints.Add(int.Parse(refused.HttpResponseHeaders!["Retry-After"].Single(), CultureInfo.InvariantCulture));
        }

        // Whole seconds, rounded up: the time left of the 10 s, then half a second (1 / AdmissionRate) more for each.
        Assert.InRange(hints[0], 9, 10);
        Assert.Equal(hints.OrderBy(h => h), hints);
        Assert.InRange(hints[^1] - hints[0], 2, 3);
        Assert.Equal(6, server.Metrics.Sum(WebSocketHubMetrics.RejectedConnections, "reason", "unavailable"));

        server.Hub.SetAvailable();
        using var accepted = await server.ConnectAsync();
        Assert.Equal(WebSocketState.Open, accepted.State);
    }

    [Fact]
    public async Task Drain_closes_every_connection_with_1001_and_a_hint_then_turns_new_upgrades_away()
    {
        await using var server = await HubServer.StartAsync(o =>
        {
            o.AdmissionRate = 10;
            o.RetryAfter = TimeSpan.FromSeconds(3);
        });
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => server.ConnectAsync()));
        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 4, Patience));

        var draining = server.Hub.DrainAsync();
        foreach (var client in clients)
        {
            Assert.Null(await client.ReceiveTextAsync(Patience));
            Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, client.CloseStatus);
            Assert.Matches(@"retry-after=\d", client.CloseStatusDescription);
            await client.AnswerCloseAsync();
        }

        await draining.WaitAsync(Patience);
        Assert.Empty(server.Hub.Connections);
        using var late = new ClientWebSocket();
        late.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => late.ConnectAsync(server.Uri, CancellationToken.None));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, late.HttpStatusCode);
        Assert.Equal(4, server.Metrics.Sum(WebSocketHubMetrics.Disconnects, "close_status", "1001"));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task A_heartbeat_is_answered_by_the_hub_and_not_given_to_the_handler()
    {
        await using var server = await HubServer.StartAsync();
        using var client = await server.ConnectAsync();

        await client.SendTextAsync("ping");
        Assert.Equal("pong", await client.ReceiveTextAsync(Patience));
        await client.SendTextAsync("hello");
        Assert.Equal("hello", await client.ReceiveTextAsync(Patience));

        Assert.Equal(1, server.Hub.Connections.Single().MessagesIn);
    }

    [Fact]
    public async Task Under_the_close_policy_a_connection_whose_handler_falls_behind_is_closed_with_1013_and_a_hint()
    {
        await using var server = await HubServer.StartAsync<NeverFinishingHandler>(o =>
        {
            o.InboundQueueCapacity = 2;
            o.InboundQueuePolicy = InboundQueuePolicy.Close;
        });
        using var sender = await server.ConnectAsync();
        using var bystander = await server.ConnectAsync();

        for (var i = 0; i < 10; i++)
        {
            await sender.SendTextAsync($"m{i}");
        }

        Assert.Null(await sender.ReceiveTextAsync(Patience));
        Assert.Equal((WebSocketCloseStatus)1013, sender.CloseStatus);
        Assert.Contains("retry-after=", sender.CloseStatusDescription);
        await sender.AnswerCloseAsync();
        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 1, Patience));
        Assert.Equal(WebSocketState.Open, bystander.State);
    }

    private sealed class NeverFinishingHandler : WebSocketHubHandler
    {
        public override async ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken) =>
            await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}
