using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WsReliability.AspNetCore;
using WsReliability.Integration.Tests.Infrastructure;

namespace WsReliability.Integration.Tests;

/// <summary>
/// Issue 19, finding 7 and the findings by reading: a late CloseAsync, the end of a connection that failed, the
/// messages still queued at shutdown, and the order of one sender's messages.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class LifecycleTests
{
    [Fact]
    public async Task CloseAsync_after_DisposeAsync_does_nothing()
    {
        await using var host = await HubHost.StartAsync<RecordingHandler>();
        var client = new ReconnectingWebSocketClient(host.Uri, Clients.Fast());
        await client.StartAsync().WaitAsync(Eventually.Patience);

        await client.DisposeAsync();
        await client.CloseAsync().WaitAsync(Eventually.Patience);

        Assert.Equal(ConnectionState.Closed, client.State);
    }

    [Fact]
    public async Task A_connection_that_fails_on_its_way_still_ends_with_OnDisconnectedAsync_and_leaves_the_registry()
    {
        var handler = new RecordingHandler();
        await using var host = await HubHost.StartAsync<RecordingHandler>(
            services: s => s.AddSingleton<WebSocketHubHandler>(handler),
            logging: l => l.AddProvider(new FailingLoggerProvider()).SetMinimumLevel(LogLevel.Debug));
        await using var client = new ReconnectingWebSocketClient(host.Uri, Clients.Fast(o => o.Reconnect.MaxAttempts = 1));

        // The fault (here a logging provider that throws when a connection opens) ends the connection; the
        // application still hears of it, and the registry does not keep it.
        _ = client.StartAsync();
        Assert.True(await Eventually.HoldsAsync(() => handler.Disconnects.Count >= 1),
            "OnDisconnectedAsync was not called for a connection that failed");
        Assert.True(await Eventually.HoldsAsync(() => host.Hub.Connections.Count == 0));
    }

    [Fact]
    public async Task Messages_received_before_shutdown_are_all_handled()
    {
        var handler = new HoldsUntilShutdownHandler();
        var host = await HubHost.StartAsync<HoldsUntilShutdownHandler>(
            o => o.HandlerWorkers = 1,
            s => s.AddSingleton<WebSocketHubHandler>(handler));
        await using var client = new ReconnectingWebSocketClient(host.Uri, Clients.Fast());
        await client.StartAsync().WaitAsync(Eventually.Patience);
        handler.Stopping = host.Lifetime.ApplicationStopping;
        for (var i = 0; i < 5; i++)
        {
            await client.SendTextAsync($"m{i}");
        }

        Assert.True(await Eventually.HoldsAsync(() => host.Hub.Connections.Single().MessagesIn == 5));

        await host.DisposeAsync();

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], handler.Handled);
    }

    [Fact]
    public async Task One_senders_messages_are_handled_in_the_order_they_were_sent()
    {
        var handler = new SlowFirstHandler();
        await using var host = await HubHost.StartAsync<SlowFirstHandler>(
            o => o.HandlerWorkers = 2,
            s => s.AddSingleton<WebSocketHubHandler>(handler));
        await using var client = new ReconnectingWebSocketClient(host.Uri, Clients.Fast());
        await client.StartAsync().WaitAsync(Eventually.Patience);

        for (var i = 0; i < 10; i++)
        {
            await client.SendTextAsync($"m{i}");
        }

        Assert.True(await Eventually.HoldsAsync(() => handler.Handled.Count == 10));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"m{i}"), handler.Handled);
    }

    /// <summary>Holds the first message until the application stops; each message then takes 100 ms (honouring the token).</summary>
    private sealed class HoldsUntilShutdownHandler : WebSocketHubHandler
    {
        public CancellationToken Stopping { get; set; }

        public ConcurrentQueue<string> Handled { get; } = new();

        public override async ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken)
        {
            if (Handled.IsEmpty)
            {
                await Task.Delay(Timeout.Infinite, Stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            await Task.Delay(100, cancellationToken);
            Handled.Enqueue(message.Text);
        }
    }

    /// <summary>Takes a while over the first message only.</summary>
    private sealed class SlowFirstHandler : WebSocketHubHandler
    {
        public ConcurrentQueue<string> Handled { get; } = new();

        public override async ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken)
        {
            if (message.Text == "m0")
            {
                await Task.Delay(300, cancellationToken);
            }

            Handled.Enqueue(message.Text);
        }
    }

    /// <summary>A logging provider that throws when the hub logs that a connection opened (event 1 of the endpoint).</summary>
    private sealed class FailingLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new FailingLogger(categoryName.EndsWith(".WebSocketHubEndpoint", StringComparison.Ordinal));

        public void Dispose()
        {
        }

        private sealed class FailingLogger(bool fails) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (fails && eventId.Id == 1)
                {
                    throw new InvalidOperationException("logging failed");
                }
            }
        }
    }
}
