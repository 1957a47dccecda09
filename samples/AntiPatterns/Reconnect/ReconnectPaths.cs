using System;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace AntiPatterns.Reconnect;

/// <summary>WS1001: the wait is only in the catch, so a normal end of the session (every client of a restarted server
/// sees one) reconnects at once.</summary>
public sealed class WaitOnlyAfterFailures
{
    public event Action<string>? StatusChanged;

    public async Task RunAsync(Uri uri, Func<ClientWebSocket, CancellationToken, Task> session, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            using var socket = new ClientWebSocket();
            try
            {
                StatusChanged?.Invoke("connecting");
                await socket.ConnectAsync(uri, cancellationToken); // WS1001
                await session(socket, cancellationToken);
            }
            catch (WebSocketException)
            {
                await Task.Delay(5000, cancellationToken);
            }
        }
    }
}

/// <summary>WS1001 and WS1003: a close handler that queues the reconnect for a pump, at once and whatever the close code.</summary>
public sealed class QueuedReconnect
{
    private readonly BlockingCollection<Action> _pump = new();
    private readonly WebSocketSharp.WebSocket _socket = new("wss://example.org/events");

    public QueuedReconnect()
    {
        _socket.OnClose += (sender, e) => _pump.Add(() => _socket.Connect()); // WS1001 WS1003
    }

    public void RunPump(CancellationToken cancellationToken)
    {
        foreach (var work in _pump.GetConsumingEnumerable(cancellationToken))
        {
            work();
        }
    }
}

/// <summary>WS1004: a readonly ClientWebSocket connected again by the reconnect path of its receive loop.</summary>
public sealed class ReadonlySocketReconnect
{
    private readonly Uri _uri = new("wss://example.org/telemetry");
    private readonly ClientWebSocket _socket = new();
    private int _attempt;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(_uri, cancellationToken); // WS1004
        _attempt = 0;
        _ = ReceiveAsync(cancellationToken);
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }
        catch (WebSocketException)
        {
            _attempt++;
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000 << Math.Min(_attempt, 5))), cancellationToken);
            await ConnectAsync(cancellationToken);
        }
    }
}
