using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WsReliability.Tests.Infrastructure;

namespace WsReliability.Tests;

/// <summary>What the client does with each kind of refused upgrade (any server; the hub's are in the integration tests).</summary>
[Collection(RealTimeCollection.Name)]
public sealed class UpgradeRefusalTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task A_lasting_client_error_ends_the_client_after_one_attempt(int status)
    {
        await using var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url($"status/{status}"), ClientFactory.Fast());

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.StartAsync().WaitAsync(Patience));

        Assert.Equal((HttpStatusCode)status, refused.StatusCode);
        Assert.Same(refused, client.LastClose!.Error);
        await Task.Delay(ClientFactory.Fast().Reconnect.MaxDelay * 2);
        Assert.Equal(1, server.Refused);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task A_server_error_without_Retry_After_is_retried_with_the_backoff(int status)
    {
        await using var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url($"status/{status}"), ClientFactory.Fast());
        var scheduled = new ConcurrentQueue<ReconnectScheduledEventArgs>();
        client.ReconnectScheduled += (_, e) => scheduled.Enqueue(e);

        _ = client.StartAsync();

        Assert.True(await Eventually.HoldsAsync(() => server.Refused >= 3, Patience));
        Assert.Equal(ConnectionState.Connecting, client.State);
        Assert.All(scheduled, e => Assert.Null(e.RetryAfter));
        Assert.All(scheduled, e => Assert.True(e.Delay <= ClientFactory.Fast().Reconnect.MaxDelay));
    }

    [Fact]
    public async Task A_429_with_an_HTTP_date_is_waited_until_that_date()
    {
        await using var server = await TestWebSocketServer.StartAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var retryAt = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(40).ToString("r"));
        await using var client = new ReconnectingWebSocketClient(server.Url($"status/429?retryAfter={retryAt}"), ClientFactory.Fast(o => o.TimeProvider = time));
        var scheduled = new ConcurrentQueue<ReconnectScheduledEventArgs>();
        client.ReconnectScheduled += (_, e) => scheduled.Enqueue(e);

        _ = client.StartAsync();

        Assert.True(await Eventually.HoldsAsync(() => !scheduled.IsEmpty, Patience));
        var wait = Assert.Single(scheduled);
        Assert.NotNull(wait.RetryAfter);
        Assert.InRange(wait.RetryAfter.Value, TimeSpan.FromSeconds(35), TimeSpan.FromSeconds(41));
        Assert.InRange(wait.Delay - wait.RetryAfter.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(1, server.Refused);
    }
}
