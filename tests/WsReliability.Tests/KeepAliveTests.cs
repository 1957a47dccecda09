using System;
using System.Diagnostics;
using System.Threading.Tasks;
using WsReliability.Tests.Infrastructure;

namespace WsReliability.Tests;

/// <summary>A server that stops answering is found within the keep-alive timeout; a live one is left alone.</summary>
[Collection(RealTimeCollection.Name)]
public sealed class KeepAliveTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(KeepAliveMode.Protocol)]
    [InlineData(KeepAliveMode.Application)]
    public async Task A_server_that_stops_answering_is_detected_within_the_keep_alive_timeout(KeepAliveMode mode)
    {
        await using var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url("silent"), Options(mode));
        await client.StartAsync().WaitAsync(TimeSpan.FromSeconds(15));
        var open = Stopwatch.StartNew();

        Assert.True(await Eventually.HoldsAsync(() => client.State != ConnectionState.Open, Interval + KeepAliveTimeout + Margin));

        Assert.True(open.Elapsed >= KeepAliveTimeout * 0.9, $"closed after {open.Elapsed}, before the timeout could pass");
        Assert.Equal(ConnectionState.Reconnecting, client.State);
        Assert.Null(client.LastClose!.Status);
        Assert.NotNull(client.LastClose.Error);
    }

    [Theory]
    [InlineData(KeepAliveMode.Protocol)]
    [InlineData(KeepAliveMode.Application)]
    public async Task A_server_that_answers_keeps_the_connection(KeepAliveMode mode)
    {
        await using var server = await TestWebSocketServer.StartAsync();
        await using var client = new ReconnectingWebSocketClient(server.Url("echo"), Options(mode));
        await client.StartAsync().WaitAsync(TimeSpan.FromSeconds(15));

        await Task.Delay((Interval + KeepAliveTimeout) * 2);

        Assert.Equal(ConnectionState.Open, client.State);
        Assert.Equal(1, server.Accepted);
    }

    private static ReconnectingWebSocketOptions Options(KeepAliveMode mode) => ClientFactory.Fast(o =>
    {
        o.KeepAliveMode = mode;
        o.KeepAliveInterval = Interval;
        o.KeepAliveTimeout = KeepAliveTimeout;
        o.HeartbeatMessage = mode == KeepAliveMode.Application ? "heartbeat" : null;
    });
}
