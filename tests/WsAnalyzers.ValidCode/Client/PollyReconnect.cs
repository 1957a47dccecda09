using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace WsAnalyzers.ValidCode.Client;

/// <summary>Reconnects through a Polly.Core retry strategy: exponential backoff with jitter, a new socket per attempt.</summary>
public sealed class PollyReconnect
{
    private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<WebSocketException>(),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(30),
            MaxRetryAttempts = int.MaxValue,
        })
        .Build();

    private ClientWebSocket? _socket;

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        await _pipeline.ExecuteAsync(
            async token =>
            {
                _socket?.Dispose();
                _socket = new ClientWebSocket();
#if NET9_0_OR_GREATER
                _socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(15);
#endif
                await _socket.ConnectAsync(uri, token);
            },
            cancellationToken);
    }
}
