using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using WsReliability.AspNetCore;
using WsReliability.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WsReliability.Integration.Tests;

/// <summary>
/// Issue 19, finding 3 (.NET 9+ protocol keep-alive): an application that stops reading cannot keep the PONGs flowing
/// once data is waiting, so the keep-alive gives up; the client must then say so at once and its sends must go out
/// on the next connection, not hang until the application reads again.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class SlowReaderTests
{
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan KeepAliveTimeout = TimeSpan.FromMilliseconds(700);

    private readonly ITestOutputHelper _output;

    public SlowReaderTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_client_whose_application_stopped_reading_reports_the_lost_connection_promptly_and_its_sends_still_go_out()
    {
        var handler = new RecordingHandler();
        await using var host = await HubHost.StartAsync<RecordingHandler>(
            configure: null,
            services: s => s.AddSingleton<WebSocketHubHandler>(handler));
        await using var client = new ReconnectingWebSocketClient(host.Uri, Clients.Fast(o =>
        {
            o.KeepAliveMode = KeepAliveMode.Protocol;
            o.KeepAliveInterval = KeepAliveInterval;
            o.KeepAliveTimeout = KeepAliveTimeout;
            o.ReceiveQueueCapacity = 4;
        }));
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanged += (_, e) =>
        {
            if (e.Previous == ConnectionState.Open)
            {
                lost.TrySetResult();
            }
        };
        await client.StartAsync().WaitAsync(Eventually.Patience);
        Assert.True(await Eventually.HoldsAsync(() => host.Hub.Connections.Count == 1));

        // The application never reads: after 4 messages the client stops reading, the PONGs behind the rest are never
        // seen, and the keep-alive gives up within about interval + timeout.
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            host.Hub.BroadcastText($"m{i}");
        }

        await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _output.WriteLine($"connection reported lost after {clock.ElapsedMilliseconds} ms (keep-alive {KeepAliveInterval.TotalMilliseconds} + {KeepAliveTimeout.TotalMilliseconds} ms)");

        // A send is not stuck behind the application's reading: it goes out on the next connection.
        await client.SendTextAsync("sent while the application was not reading").AsTask().WaitAsync(Eventually.Patience);
        Assert.True(await Eventually.HoldsAsync(() => handler.Texts.Contains("sent while the application was not reading")));

        // The hub does not keep the dead connection: one entry, the live one.
        Assert.True(await Eventually.HoldsAsync(() => host.Hub.Connections.Count == 1 && client.State == ConnectionState.Open));

        // What was received before the loss is all there, in order, when the application reads again.
        using var reading = new CancellationTokenSource(Eventually.Patience);
        var firstFour = await client.ReceiveAllAsync(reading.Token).Take(4).Select(m => m.Text).ToArrayAsync(reading.Token);
        Assert.Equal(["m0", "m1", "m2", "m3"], firstFour);
    }
}
