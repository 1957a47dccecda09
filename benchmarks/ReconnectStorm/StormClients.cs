using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Websocket.Client;
using WsReliability;

namespace ReconnectStorm;

/// <summary>One client under test, with its library's default reconnect behaviour.</summary>
internal interface IStormClient : IAsyncDisposable
{
    Task StartAsync();
}

/// <summary>Our client with its defaults, against our hub. Records when each reconnect attempt is due (Stopwatch ticks).</summary>
internal sealed class WsReliabilityStormClient : IStormClient
{
    private readonly ReconnectingWebSocketClient _client;

    public WsReliabilityStormClient(Uri hubUri, ReconnectStormDetector storms, System.Collections.Concurrent.ConcurrentQueue<long> due)
    {
        _client = new ReconnectingWebSocketClient(hubUri, new ReconnectingWebSocketOptions { StormDetector = storms });
        _client.ReconnectScheduled += (_, e) =>
            due.Enqueue(System.Diagnostics.Stopwatch.GetTimestamp() + (long)(e.Delay.TotalSeconds * System.Diagnostics.Stopwatch.Frequency));
    }

    public Task StartAsync() => _client.StartAsync();

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}

internal sealed class WebsocketClientStormClient(Uri baseUri) : IStormClient
{
    private readonly WebsocketClient _client = new(baseUri);

    public static string Defaults(Uri baseUri)
    {
        using var probe = new WebsocketClient(baseUri);
        return $"ReconnectTimeout {probe.ReconnectTimeout?.TotalSeconds.ToString() ?? "off"} s, " +
               $"ErrorReconnectTimeout {probe.ErrorReconnectTimeout?.TotalSeconds.ToString() ?? "off"} s, " +
               $"LostReconnectTimeout {probe.LostReconnectTimeout?.TotalSeconds.ToString() ?? "off (immediate)"}";
    }

    public Task StartAsync() => _client.StartOrFail();

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return default;
    }
}

internal sealed class SignalRStormClient(Uri baseUri) : IStormClient
{
    private readonly HubConnection _connection = new HubConnectionBuilder()
        .WithUrl(baseUri, o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        })
        .WithAutomaticReconnect()
        .Build();

    public Task StartAsync() => _connection.StartAsync();

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}

/// <summary>
/// The team incident guide's "production" reconnect: 1 s × 1.5ⁿ with ±25 % jitter, at most 10 attempts after a loss,
/// a new ClientWebSocket per attempt. No reading of the server's answer.
/// </summary>
internal sealed class IncidentGuideStormClient(Uri baseUri) : IStormClient
{
    private const int MaxAttempts = 10;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;

    public Task StartAsync()
    {
        _loop = Task.Run(LoopAsync);
        return _firstOpen.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        var buffer = new byte[1024];
        var failures = 0;
        var first = true;
        while (!_stop.IsCancellationRequested && failures <= MaxAttempts)
        {
            if (!first)
            {
                var delay = 1000 * Math.Pow(1.5, failures) * (0.75 + (Random.Shared.NextDouble() * 0.5));
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(delay), _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            first = false;
            using var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(baseUri, _stop.Token);
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException or System.Net.Http.HttpRequestException)
            {
                failures++;
                continue;
            }

            _firstOpen.TrySetResult();
            failures = 0;
            try
            {
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(buffer, _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }
                }
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException or System.IO.IOException)
            {
                // Lost: the next attempt waits 1 s ± 25 %.
            }
        }
    }
}

/// <summary>The mistake: reconnect at once, forever, in a loop.</summary>
internal sealed class NaiveLoopStormClient(Uri baseUri) : IStormClient
{
    private readonly Uri _uri = baseUri;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _loop = Task.CompletedTask;

    public Task StartAsync()
    {
        _loop = Task.Run(LoopAsync);
        return _firstOpen.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        var buffer = new byte[1024];
        while (!_stop.IsCancellationRequested)
        {
            using var socket = new ClientWebSocket();
            try
            {
                await socket.ConnectAsync(_uri, _stop.Token);
                _firstOpen.TrySetResult();
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(buffer, _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }
                }
            }
            catch (Exception error) when (error is WebSocketException or OperationCanceledException or System.Net.Http.HttpRequestException)
            {
            }
        }
    }
}
