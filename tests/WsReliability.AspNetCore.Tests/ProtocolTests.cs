using System;
using System.Linq;
using System.Net;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WsReliability.AspNetCore.Diagnostics;
using WsReliability.AspNetCore.Tests.Infrastructure;

namespace WsReliability.AspNetCore.Tests;

[Collection(KestrelCollection.Name)]
public sealed class ProtocolTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Oversize_single_frame_message_is_refused_with_1009()
    {
        await using var server = await HubServer.StartAsync(o => o.MaxMessageSize = 1024);
        using var client = await server.ConnectAsync();

        await client.SendAsync(new byte[2048], WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

        Assert.Null(await client.ReceiveTextAsync(Patience));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.CloseStatus);
        await client.AnswerCloseAsync();
        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 0, Patience));
        Assert.True(await HubServer.WaitUntilAsync(() => server.Metrics.Sum(WebSocketHubMetrics.Disconnects, "close_status", "1009") == 1, Patience));
        Assert.Equal(0, server.Metrics.Sum(WebSocketHubMetrics.MessagesReceived));
    }

    [Fact]
    public async Task Fragments_are_assembled_under_the_cap_and_refused_with_1009_past_it()
    {
        await using var server = await HubServer.StartAsync(o => o.MaxMessageSize = 1024);
        using var fits = await server.ConnectAsync();
        using var tooBig = await server.ConnectAsync();

        for (var i = 0; i < 3; i++)
        {
            await fits.SendAsync(Enumerable.Repeat((byte)('a' + i), 300).ToArray(), WebSocketMessageType.Text, endOfMessage: i == 2, CancellationToken.None);
            await tooBig.SendAsync(new byte[400], WebSocketMessageType.Binary, endOfMessage: i == 2, CancellationToken.None);
        }

        var echo = await fits.ReceiveTextAsync(Patience);
        Assert.Equal(new string('a', 300) + new string('b', 300) + new string('c', 300), echo);

        Assert.Null(await tooBig.ReceiveTextAsync(Patience));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, tooBig.CloseStatus);
        Assert.Equal(WebSocketState.Open, fits.State);
    }

    [Fact]
    public async Task Disallowed_origin_is_refused_and_allowed_origin_connects()
    {
        await using var server = await HubServer.StartAsync(o => o.AllowedOrigins.Add("https://good.example"));

        using var evil = new ClientWebSocket();
        evil.Options.SetRequestHeader("Origin", "https://evil.example");
        evil.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => evil.ConnectAsync(server.Uri, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, evil.HttpStatusCode);

        using var good = await server.ConnectAsync(o => o.SetRequestHeader("Origin", "https://good.example"));
        Assert.Equal(WebSocketState.Open, good.State);
        Assert.Equal(1, server.Metrics.Sum(WebSocketHubMetrics.RejectedConnections, "reason", "origin"));
        // The client's handshake completes before the hub registers the accepted socket.
        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 1, TimeSpan.FromSeconds(20)));
        Assert.Single(server.Hub.Connections);
    }

    [Fact]
    public async Task Without_configured_origins_only_the_same_host_is_allowed()
    {
        await using var server = await HubServer.StartAsync();
        var sameHost = $"http://{server.Uri.Authority}";

        using var cross = new ClientWebSocket();
        cross.Options.SetRequestHeader("Origin", "https://evil.example");
        await Assert.ThrowsAsync<WebSocketException>(() => cross.ConnectAsync(server.Uri, CancellationToken.None));

        using var same = await server.ConnectAsync(o => o.SetRequestHeader("Origin", sameHost));
        using var noOrigin = await server.ConnectAsync();
        // The client's handshake completes before the hub registers the accepted socket.
        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 2, Patience), $"{server.Hub.Connections.Count} connections registered");
    }

    [Fact]
    public async Task Close_frames_complete_the_handshake_both_ways_and_metrics_count_the_traffic()
    {
        await using var server = await HubServer.StartAsync();
        using var leaving = await server.ConnectAsync();
        using var staying = await server.ConnectAsync();

        for (var i = 0; i < 3; i++)
        {
            await leaving.SendTextAsync($"m{i}");
            Assert.Equal($"m{i}", await leaving.ReceiveTextAsync(Patience));
        }

        using (var cts = new CancellationTokenSource(Patience))
        {
            await leaving.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
        }

        Assert.Equal(WebSocketState.Closed, leaving.State);
        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 1, Patience));

        server.Hub.CloseAll(WebSocketCloseStatus.EndpointUnavailable, "maintenance");
        Assert.Null(await staying.ReceiveTextAsync(Patience));
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, staying.CloseStatus);
        await staying.AnswerCloseAsync();
        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 0, Patience));

        var metrics = server.Metrics;
        Assert.True(await HubServer.WaitUntilAsync(() => metrics.Sum(WebSocketHubMetrics.Disconnects) == 2, Patience));
        Assert.Equal(2, metrics.Sum(WebSocketHubMetrics.AcceptedConnections));
        Assert.Equal(0, metrics.Sum(WebSocketHubMetrics.ActiveConnections));
        Assert.Equal(1, metrics.Sum(WebSocketHubMetrics.Disconnects, "close_status", "1000"));
        Assert.Equal(1, metrics.Sum(WebSocketHubMetrics.Disconnects, "close_status", "1001"));
        Assert.Equal(3, metrics.Sum(WebSocketHubMetrics.MessagesReceived));
        Assert.Equal(3, metrics.Sum(WebSocketHubMetrics.MessagesSent));
        Assert.Equal(3, metrics.Count(WebSocketHubMetrics.HandlerLag));
    }

    [Fact]
    public async Task A_plain_http_request_is_refused_with_400()
    {
        await using var server = await HubServer.StartAsync();
        using var http = new System.Net.Http.HttpClient();

        var response = await http.GetAsync(new UriBuilder(server.Uri) { Scheme = "http" }.Uri);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, server.Metrics.Sum(WebSocketHubMetrics.RejectedConnections, "reason", "not_websocket"));
    }

    [Fact]
    public async Task Shutdown_closes_every_connection_with_1001()
    {
        var server = await HubServer.StartAsync();
        using var client = await server.ConnectAsync();
        var stopping = server.DisposeAsync().AsTask();

        Assert.Null(await client.ReceiveTextAsync(Patience));
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, client.CloseStatus);
        await client.AnswerCloseAsync();
        await stopping.WaitAsync(Patience);
        Assert.Equal(WebSocketState.Closed, client.State);
    }

    [Fact]
    public async Task Max_connections_holds_under_a_burst_and_the_rest_are_refused_with_1013()
    {
        const int max = 20;
        const int burst = 60;
        await using var server = await HubServer.StartAsync<WelcomeHandler>(o => o.MaxConnections = max);
        var highWater = 0;
        using var stopWatching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!stopWatching.IsCancellationRequested)
            {
                highWater = Math.Max(highWater, server.Hub.Connections.Count);
                await Task.Yield();
            }
        });

        var clients = await Task.WhenAll(Enumerable.Range(0, burst).Select(_ => server.ConnectAsync()));
        var firstMessages = await Task.WhenAll(clients.Select(c => c.ReceiveTextAsync(TimeSpan.FromSeconds(20))));
        stopWatching.Cancel();
        await watcher;

        Assert.Equal(max, firstMessages.Count(m => m == "welcome"));
        Assert.Equal(burst - max, clients.Count(c => c.CloseStatus == (WebSocketCloseStatus)1013));
        Assert.All(clients.Where(c => c.CloseStatus == (WebSocketCloseStatus)1013), c => Assert.Contains("retry-after=", c.CloseStatusDescription));
        Assert.Equal(max, server.Hub.Connections.Count);
        Assert.True(highWater <= max, $"registry reached {highWater}");
        Assert.Equal(burst - max, server.Metrics.Sum(WebSocketHubMetrics.RejectedConnections, "reason", "capacity"));

        await Task.WhenAll(clients.Select(c => c.AnswerCloseAsync()));
        foreach (var client in clients)
        {
            client.Dispose();
        }

        Assert.True(await HubServer.WaitUntilAsync(() => server.Hub.Connections.Count == 0, Patience));
    }

    private sealed class WelcomeHandler : WebSocketHubHandler
    {
        public override ValueTask OnConnectedAsync(HubConnection connection, CancellationToken cancellationToken)
        {
            connection.SendText("welcome");
            return default;
        }

        public override ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken) => default;
    }
}
