using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;
using Websocket.Client;

namespace AntiPatterns.Reconnect;

/// <summary>WS1001: clients that reconnect the moment they lose the connection.</summary>
public sealed class ImmediateReconnects
{
    private readonly WebSocketSharp.WebSocket _feed = new("wss://example.org/feed");
    private readonly HubConnection _hub = new HubConnectionBuilder().WithUrl("https://example.org/hub").Build();
    private readonly WebsocketClient _prices = new(new Uri("wss://example.org/prices"));

    public ImmediateReconnects()
    {
        _feed.OnClose += (sender, e) => _feed.Connect(); // WS1001
        _hub.Closed += async error => await _hub.StartAsync(); // WS1001
        _prices.DisconnectionHappened.Subscribe(info => _prices.Reconnect()); // WS1001
    }

    public async Task RunAsync(Uri uri, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(uri, cancellationToken); // WS1001
                await ReceiveUntilClosedAsync(socket, cancellationToken);
            }
            catch (WebSocketException)
            {
            }
        }
    }

    private static async Task ReceiveUntilClosedAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
        }
    }
}

/// <summary>WS1002: clients that wait, but all for the same time, so they come back in waves.</summary>
public sealed class ConstantDelayReconnects
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private readonly HubConnection _hub = new HubConnectionBuilder().WithUrl("https://example.org/hub").Build();

    public ConstantDelayReconnects()
    {
        _hub.Closed += async error =>
        {
            await Task.Delay(RetryDelay);
            await _hub.StartAsync(); // WS1002
        };
    }
}

/// <summary>WS1002: a retry policy that never gives up and never spreads its clients.</summary>
public sealed class ForeverRetryPolicy : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext) => TimeSpan.FromSeconds(2); // WS1002
}

/// <summary>WS1004: a ClientWebSocket is single-use; the second ConnectAsync throws and the client never comes back.</summary>
public sealed class ReusedClientWebSocket
{
    private readonly ClientWebSocket _socket = new();

    public async Task RunAsync(Uri uri, CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _socket.ConnectAsync(uri, cancellationToken); // WS1004
                attempt = 0;
                return;
            }
            catch (WebSocketException)
            {
                attempt++;
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000 << Math.Min(attempt, 5))), cancellationToken);
            }
        }
    }
}

/// <summary>WS1005: a new connection, with all its handshakes, for every single message.</summary>
public sealed class ConnectionPerMessage
{
    private readonly Uri _uri = new("wss://example.org/ingest");

    public async Task PublishAsync(string message, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(_uri, cancellationToken); // WS1005
        await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancellationToken);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "sent", cancellationToken);
    }
}
