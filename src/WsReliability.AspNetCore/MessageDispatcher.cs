using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WsReliability.AspNetCore.Diagnostics;

namespace WsReliability.AspNetCore;

/// <summary>
/// Runs the handler off the receive path: each connection's messages are handled one after the other, in the order
/// they arrived (per-sender order), at most <see cref="WebSocketHubOptions.HandlerWorkers"/> handler calls at once
/// across the hub. A slow handler holds up only its own connection's queue. Measures handler lag (receive to handler
/// start). The handlers' cancellation token is cancelled when the host stops the hub, after the server stopped
/// taking requests and the connections had their time to finish what they received. The token source and the
/// semaphore are not disposed: a handler loop that ends late must not meet a disposed object, and neither holds a
/// timer or a wait handle.
/// </summary>
internal sealed class MessageDispatcher : IHostedService
{
    private readonly WebSocketHubHandler _handler;
    private readonly WebSocketHubMetrics _metrics;
    private readonly HubStatistics _statistics;
    private readonly TimeProvider _time;
    private readonly ILogger<MessageDispatcher> _logger;
    private readonly SemaphoreSlim _workers;
    private readonly CancellationTokenSource _stopping = new();

    public MessageDispatcher(IOptions<WebSocketHubOptions> options, WebSocketHubHandler handler, WebSocketHubMetrics metrics,
        HubStatistics statistics, TimeProvider time, ILogger<MessageDispatcher> logger)
    {
        _handler = handler;
        _metrics = metrics;
        _statistics = statistics;
        _time = time;
        _logger = logger;
        _workers = new SemaphoreSlim(options.Value.HandlerWorkers, options.Value.HandlerWorkers);
    }

    /// <summary>
    /// Handles the connection's messages until its inbound queue is completed and empty: messages received before the
    /// connection ended are handled too. Never throws.
    /// </summary>
    public Task RunAsync(HubConnection connection) => Task.Run(() => HandleInOrderAsync(connection), CancellationToken.None);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    private async Task HandleInOrderAsync(HubConnection connection)
    {
        var stopping = _stopping.Token;
        try
        {
            await foreach (var message in connection.Inbound.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                await _workers.WaitAsync(stopping).ConfigureAwait(false);
                try
                {
                    await HandleAsync(connection, message, stopping).ConfigureAwait(false);
                }
                finally
                {
                    _workers.Release();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Log.HandlingStopped(_logger, connection.Id, connection.Inbound.CanCount ? connection.Inbound.Count : 0);
        }
    }

    private async Task HandleAsync(HubConnection connection, InboundMessage message, CancellationToken stopping)
    {
        var lag = _time.GetElapsedTime(message.ReceivedTimestamp);
        _metrics.RecordHandlerLag(lag);
        _statistics.HandlerStarted(lag);
        var context = new HubMessageContext(connection, message.MessageType, message.Payload, message.ReceivedAt, lag);
        try
        {
            await _handler.OnMessageAsync(context, stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            Log.HandlerFailed(_logger, ex, nameof(WebSocketHubHandler.OnMessageAsync), connection.Id);
        }
    }
}
