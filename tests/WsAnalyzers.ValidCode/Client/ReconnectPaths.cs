using System;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;
using Websocket.Client;

namespace WsAnalyzers.ValidCode.Client;

/// <summary>Exponential backoff with full jitter, in a class of its own: the reconnect rules follow it.</summary>
public sealed class JitteredBackoff
{
    private int _attempt;

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        _attempt++;
        var ceiling = Math.Min(30_000, 1_000 * Math.Pow(2, Math.Min(_attempt, 10)));
        return Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling), cancellationToken);
    }

    public void Reset() => _attempt = 0;
}

/// <summary>A session loop whose wait runs after every session, failed or ended normally, and that reports through
/// notifications (not waits).</summary>
public sealed class SessionLoopClient
{
    private readonly JitteredBackoff _backoff = new();

    public event Action<string>? StatusChanged;

    public async Task RunAsync(Uri uri, Func<ClientWebSocket, CancellationToken, Task> session, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            StatusChanged?.Invoke("connecting");
            using var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(uri, cancellationToken);
                _backoff.Reset();
                await session(socket, cancellationToken);
            }
            catch (WebSocketException exception)
            {
                StatusChanged?.Invoke(exception.Message);
            }

            await _backoff.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Retries only until the first success, waiting after each failure.</summary>
    public async Task<ClientWebSocket> ConnectOnceAsync(Uri uri, CancellationToken cancellationToken)
    {
        while (true)
        {
            var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(uri, cancellationToken);
                return socket;
            }
            catch (WebSocketException)
            {
                socket.Dispose();
                await _backoff.WaitAsync(cancellationToken);
            }
        }
    }
}

/// <summary>A close handler that hands the reconnect to a pump, after it looked at the close code and backed off.</summary>
public sealed class PumpedReconnect
{
    private readonly BlockingCollection<Action> _pump = new();
    private readonly WebSocketSharp.WebSocket _socket = new("wss://example.org/events");
    private int _attempt;

    public PumpedReconnect()
    {
        _socket.OnOpen += (sender, e) => _attempt = 0;
        _socket.OnClose += (sender, e) =>
        {
            if (e.Code == (ushort)WebSocketSharp.CloseStatusCode.Normal)
            {
                return;
            }

            _attempt++;
            var ceiling = Math.Min(30_000, 1_000 * Math.Pow(2, Math.Min(_attempt, 10)));
            Thread.Sleep(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling));
            _pump.Add(() => _socket.Connect());
        };
    }

    public void Start() => _pump.Add(() => _socket.Connect());

    public void RunPump(CancellationToken cancellationToken)
    {
        foreach (var work in _pump.GetConsumingEnumerable(cancellationToken))
        {
            work();
        }
    }
}

/// <summary>A SignalR Closed handler that stops when the app is stopping (Closed's argument is null either way) and backs off.</summary>
public sealed class StoppableHubClient
{
    private readonly HubConnection _connection;
    private readonly JitteredBackoff _backoff = new();
    private volatile bool _stopping;

    public StoppableHubClient(HubConnection connection)
    {
        _connection = connection;
        _connection.Closed += async error =>
        {
            if (_stopping)
            {
                return;
            }

            await _backoff.WaitAsync(CancellationToken.None);
            await _connection.StartAsync();
            _backoff.Reset();
        };
    }

    public Task StopAsync()
    {
        _stopping = true;
        return _connection.StopAsync();
    }
}

/// <summary>A Websocket.Client disconnection handler that looks at the disconnection type and waits only on the path that reconnects.</summary>
public sealed class TypedDisconnectionClient
{
    private readonly IWebsocketClient _client;
    private readonly JitteredBackoff _backoff = new();

    public TypedDisconnectionClient(IWebsocketClient client)
    {
        _client = client;
        _client.DisconnectionHappened.Subscribe(async info =>
        {
            switch (info.Type)
            {
                case DisconnectionType.ByUser:
                case DisconnectionType.Exit:
                    return;
                default:
                    await _backoff.WaitAsync(CancellationToken.None);
                    await _client.ReconnectOrFail();
                    break;
            }
        });
    }
}

/// <summary>A readonly ClientWebSocket connected once per object; reconnecting makes a new object.</summary>
public sealed class SingleUseConnection : IDisposable
{
    private readonly ClientWebSocket _socket = new();

    public async Task OpenAsync(Uri uri, CancellationToken cancellationToken)
    {
#if NET9_0_OR_GREATER
        _socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
#endif
        await _socket.ConnectAsync(uri, cancellationToken);
    }

    public static async Task<SingleUseConnection> OpenWithRetriesAsync(Uri uri, JitteredBackoff backoff, CancellationToken cancellationToken)
    {
        while (true)
        {
            var connection = new SingleUseConnection();
            try
            {
                await connection.OpenAsync(uri, cancellationToken);
                return connection;
            }
            catch (WebSocketException)
            {
                connection.Dispose();
                await backoff.WaitAsync(cancellationToken);
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
