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

internal sealed class WsReliabilityStormClient(Uri baseUri, ReconnectStormDetector storms) : IStormClient
{
    private readonly ReconnectingWebSocketClient _client = new(
        baseUri, new ReconnectingWebSocketOptions { StormDetector = storms });

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
