using System;
using System.Linq;
using System.Threading.Tasks;
using WsReliability.Tests.Infrastructure;

namespace WsReliability.Tests;

[Collection(RealTimeCollection.Name)]
public sealed class DisposeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Dispose_during_reconnect_stops_every_task_and_never_connects_again()
    {
        var options = ClientFactory.Fast();
        var server = await TestWebSocketServer.StartAsync();
        var port = server.Port;
        var client = new ReconnectingWebSocketClient(server.Url("echo"), options);
        await client.StartAsync().WaitAsync(Patience);
        await server.StopAsync();
        await server.DisposeAsync();
        Assert.True(await Eventually.HoldsAsync(() => client.State == ConnectionState.Reconnecting, Patience));
        await Task.Delay(options.Reconnect.MaxDelay);

        await client.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(ConnectionState.Closed, client.State);
        Assert.All(client.BackgroundTasks, task => Assert.True(task.IsCompleted));
        await using var restarted = await TestWebSocketServer.StartAsync(port);
        await Task.Delay(options.Reconnect.MaxDelay * 4);
        Assert.Equal(0, restarted.Accepted);
    }

    [Fact]
    public async Task Dispose_while_open_closes_normally_and_sends_fail_afterwards()
    {
        await using var server = await TestWebSocketServer.StartAsync();
        var client = new ReconnectingWebSocketClient(server.Url("echo"), ClientFactory.Fast());
        await client.StartAsync().WaitAsync(Patience);

        await client.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.All(client.BackgroundTasks, task => Assert.True(task.IsCompleted));
        Assert.True(await Eventually.HoldsAsync(() => server.CloseStatusesReceived.Contains(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure), Patience));
        var rejected = await Assert.ThrowsAsync<SendRejectedException>(() => client.SendTextAsync("late").AsTask());
        Assert.Equal(SendRejectionReason.Closed, rejected.Reason);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Dispose_before_start_closes_without_connecting()
    {
        await using var server = await TestWebSocketServer.StartAsync();
        var client = new ReconnectingWebSocketClient(server.Url("echo"), ClientFactory.Fast());

        await client.DisposeAsync();

        Assert.Equal(ConnectionState.Closed, client.State);
        await Assert.ThrowsAsync<InvalidOperationException>(() => client.StartAsync());
        Assert.Equal(0, server.Accepted);
    }
}
