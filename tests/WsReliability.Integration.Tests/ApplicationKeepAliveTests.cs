using System;
using System.Linq;
using System.Threading.Tasks;
using WsReliability.AspNetCore.Diagnostics;
using WsReliability.Integration.Tests.Infrastructure;

namespace WsReliability.Integration.Tests;

/// <summary>
/// Issue 19, finding 5: the application-level keep-alive (the .NET 8 default) must not drop a quiet but healthy
/// connection: the client sends a heartbeat by default, the hub answers it, and the answer is not handed to the application.
/// </summary>
[Collection(KestrelCollection.Name)]
public sealed class ApplicationKeepAliveTests
{
    [Fact]
    public async Task A_quiet_hub_connection_survives_two_minutes_of_application_keep_alive_with_default_options()
    {
        await using var host = await HubHost.StartAsync<RecordingHandler>();
        var time = new CountingFakeTime();
        await using var client = new ReconnectingWebSocketClient(host.Uri, new ReconnectingWebSocketOptions
        {
            KeepAliveMode = KeepAliveMode.Application,
            TimeProvider = time,
        });
        var transitions = client.Transitions();
        await client.StartAsync().WaitAsync(Eventually.Patience);
        var received = client.Collect();
        Assert.True(await Eventually.HoldsAsync(() => host.Hub.Connections.Count == 1));
        var connection = host.Hub.Connections.Single();

        // The watchdog checks every 2.5 s (a quarter of the smaller of interval and timeout): 48 checks are two
        // minutes, more than four times the 25 s after which a silent connection is declared dead.
        var tick = TimeSpan.FromSeconds(2.5);
        for (var step = 0; step < 48; step++)
        {
            var timers = time.TimersCreated;
            time.Advance(tick);
            Assert.True(await Eventually.HoldsAsync(() => time.TimersCreated > timers || client.State != ConnectionState.Open),
                $"step {step}: the watchdog did not wait again");
            Assert.Equal(ConnectionState.Open, client.State);

            // A heartbeat goes out every 15 s (every sixth check): the clock moves on only once its answer is back,
            // as it would be within milliseconds of real time (one check of slack for the watchdog's start).
            var heartbeatsDue = step / 6;
            Assert.True(await Eventually.HoldsAsync(() => client.HeartbeatRepliesReceived >= heartbeatsDue), $"step {step}: heartbeat not answered");
        }

        Assert.DoesNotContain(transitions, t => t.To == ConnectionState.Reconnecting);
        Assert.Equal(1, host.Metrics.Sum(WebSocketHubMetrics.AcceptedConnections));
        // A heartbeat every 15 s for two minutes (the last one may fall just after), each answered by the hub and taken
        // by the client, none shown to the application.
        Assert.True(await Eventually.HoldsAsync(() => client.HeartbeatRepliesReceived >= 7 && connection.MessagesOut == client.HeartbeatRepliesReceived),
            $"{connection.MessagesOut} heartbeats answered, {client.HeartbeatRepliesReceived} answers received");
        Assert.Empty(received);
    }
}
