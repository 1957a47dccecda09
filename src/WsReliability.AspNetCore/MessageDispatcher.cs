using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WsReliability.AspNetCore.Diagnostics;

namespace WsReliability.AspNetCore;

/// <summary>
/// Moves received messages off the receive path: a bounded channel drained by a fixed number of workers that run
/// the handler. Measures handler lag (receive to handler start). With more than one worker, messages of one
/// connection may be handled concurrently; set <see cref="WebSocketHubOptions.HandlerWorkers"/> to 1 for strict order.
/// </summary>
internal sealed class MessageDispatcher : IHostedService
{
    private readonly Channel<InboundMessage> _channel;
    private readonly WebSocketHubHandler _handler;
    private readonly WebSocketHubMetrics _metrics;
    private readonly HubStatistics _statistics;
    private readonly TimeProvider _time;
    private readonly ILogger<MessageDispatcher> _logger;
    private readonly int _workers;
    private readonly CancellationTokenSource _stopping = new();
    private Task[] _running = Array.Empty<Task>();

    public MessageDispatcher(IOptions<WebSocketHubOptions> options, WebSocketHubHandler handler, WebSocketHubMetrics metrics,
        HubStatistics statistics, TimeProvider time, ILogger<MessageDispatcher> logger)
    {
        _channel = Channel.CreateBounded<InboundMessage>(new BoundedChannelOptions(options.Value.HandlerQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
        _handler = handler;
        _metrics = metrics;
        _statistics = statistics;
        _time = time;
        _logger = logger;
        _workers = options.Value.HandlerWorkers;
    }

    /// <summary>Queues a received message; waits (back-pressure on this connection's receive) only when the queue is full.</summary>
    public ValueTask EnqueueAsync(HubConnection connection, WebSocketMessageType messageType, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(new InboundMessage(connection, messageType, payload, _time.GetTimestamp(), _time.GetUtcNow()), cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = new Task[_workers];
        for (var i = 0; i < _workers; i++)
        {
            _running[i] = Task.Run(RunWorkerAsync, CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _channel.Writer.TryComplete();
        _stopping.Cancel();
        // A handler that ignores cancellation must not make shutdown throw: the host's timeout bounds the wait.
        var workers = Task.WhenAll(_running);
        await Task.WhenAny(workers, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
    }

    private async Task RunWorkerAsync()
    {
        try
        {
            await foreach (var message in _channel.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                var lag = _time.GetElapsedTime(message.ReceivedTimestamp);
                _metrics.RecordHandlerLag(lag);
                _statistics.HandlerStarted(lag);
                var context = new HubMessageContext(message.Connection, message.MessageType, message.Payload, message.ReceivedAt, lag);
                try
                {
                    await _handler.OnMessageAsync(context, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    Log.HandlerFailed(_logger, ex, nameof(WebSocketHubHandler.OnMessageAsync), message.Connection.Id);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    private readonly record struct InboundMessage(HubConnection Connection, WebSocketMessageType MessageType,
        ReadOnlyMemory<byte> Payload, long ReceivedTimestamp, DateTimeOffset ReceivedAt);
}
