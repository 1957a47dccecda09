using System;
using System.Data.Common;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;
using Websocket.Client;

namespace WsAnalyzers.ValidCode.Client;

/// <summary>SignalR's own reconnect, with its default exponential policy; Closed only fires once it gave up.</summary>
public sealed class AutomaticReconnectHub
{
    private readonly HubConnection _connection;

    public AutomaticReconnectHub(Uri url)
    {
        _connection = new HubConnectionBuilder().WithUrl(url).WithAutomaticReconnect().Build();
        _connection.Closed += error =>
        {
            Console.WriteLine(error is null ? "stopped" : "gave up: " + error.Message);
            return Task.CompletedTask;
        };
    }

    public Task StartAsync(CancellationToken cancellationToken) => _connection.StartAsync(cancellationToken);
}

/// <summary>A close handler that stops on a clean close and otherwise backs off exponentially with full jitter.</summary>
public sealed class JitteredHubReconnect
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private readonly HubConnection _connection;
    private int _attempt;

    public JitteredHubReconnect(HubConnection connection)
    {
        _connection = connection;
        _connection.Closed += async error =>
        {
            if (error is null)
            {
                return;
            }

            _attempt++;
            var ceiling = Math.Min(MaxDelay.TotalMilliseconds, 1000 * Math.Pow(2, _attempt));
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling));
            await _connection.StartAsync();
            _attempt = 0;
        };
    }
}

/// <summary>A retry policy that grows, randomises and gives up after a while.</summary>
public sealed class JitteredRetryPolicy : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext)
    {
        if (retryContext.ElapsedTime > TimeSpan.FromMinutes(5))
        {
            return null;
        }

        var ceiling = Math.Min(30, Math.Pow(2, retryContext.PreviousRetryCount));
        return TimeSpan.FromSeconds(Random.Shared.NextDouble() * ceiling);
    }
}

/// <summary>A backoff strategy passed in from outside (for example a Polly.Core pipeline's delay generator): not visible, not judged.</summary>
public sealed class InjectedBackoffClient
{
    private readonly Func<int, CancellationToken, Task> _backoff;
    private readonly IWebsocketClient _client;

    public InjectedBackoffClient(IWebsocketClient client, Func<int, CancellationToken, Task> backoff)
    {
        _client = client;
        _backoff = backoff;
    }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _client.StartOrFail();
                return;
            }
            catch (WebSocketException)
            {
                await _backoff(attempt, cancellationToken);
            }
        }
    }
}

/// <summary>Reconnect loops of other protocols are not WebSocket reconnects.</summary>
public static class OtherProtocolRetries
{
    public static async Task<TcpClient> ConnectTcpAsync(string host, int port, CancellationToken cancellationToken)
    {
        while (true)
        {
            var tcp = new TcpClient();
            try
            {
                await tcp.ConnectAsync(host, port, cancellationToken);
                return tcp;
            }
            catch (SocketException)
            {
                tcp.Dispose();
            }
        }
    }

    public static async Task OpenDatabaseAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (DbException)
            {
            }
        }
    }
}

/// <summary>A new ClientWebSocket per attempt, configured by one factory, created by a helper on the retry path.</summary>
public sealed class FreshSocketPerAttempt
{
    private readonly Uri _uri;
    private ClientWebSocket _socket = CreateSocket();

    public FreshSocketPerAttempt(Uri uri) => _uri = uri;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _socket.ConnectAsync(_uri, cancellationToken);
        }
        catch (WebSocketException)
        {
            Renew();
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(250, 1000)), cancellationToken);
            throw;
        }
    }

    private void Renew()
    {
        _socket.Dispose();
        _socket = CreateSocket();
    }

    private static ClientWebSocket CreateSocket()
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        return socket;
    }
}

/// <summary>A websocket-sharp client that stops on a normal closure and otherwise backs off with jitter.</summary>
public sealed class SharpReconnectingClient
{
    private readonly WebSocketSharp.WebSocket _socket = new("wss://example.org/feed");
    private int _attempt;

    public SharpReconnectingClient()
    {
        _socket.OnOpen += (sender, e) => _attempt = 0;
        _socket.OnClose += (sender, e) =>
        {
            if (e.Code == (ushort)WebSocketSharp.CloseStatusCode.Normal)
            {
                return;
            }

            _attempt++;
            var ceiling = Math.Min(30_000, 500 * Math.Pow(2, _attempt));
            Thread.Sleep(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling));
            _socket.ConnectAsync();
        };
    }
}
