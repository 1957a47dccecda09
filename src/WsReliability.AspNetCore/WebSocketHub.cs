using System;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WsReliability.AspNetCore.Diagnostics;

namespace WsReliability.AspNetCore;

/// <summary>
/// The hub: its open connections, its message history, and broadcast. Broadcast only queues (it never waits on a
/// peer), skips and removes dead peers, isolates failures per connection, and leaves slow peers to the
/// slow-consumer policy.
/// </summary>
public sealed class WebSocketHub
{
    private readonly WebSocketHubMetrics _metrics;
    private readonly ILogger<WebSocketHub> _logger;

    /// <summary>Created by dependency injection (<c>services.AddWebSocketHub(...)</c>).</summary>
    public WebSocketHub(IOptions<WebSocketHubOptions> options, WebSocketHubMetrics metrics, TimeProvider timeProvider, ILogger<WebSocketHub> logger)
    {
        Options = options.Value;
        Options.Validate();
        _metrics = metrics;
        _logger = logger;
        Connections = new ConnectionRegistry(Options.MaxConnections, metrics);
        History = new MessageHistory(Options.HistoryCapacity, timeProvider);
    }

    /// <summary>The options in force.</summary>
    public WebSocketHubOptions Options { get; }

    /// <summary>The open connections.</summary>
    public ConnectionRegistry Connections { get; }

    /// <summary>The bounded history of broadcast messages.</summary>
    public MessageHistory History { get; }

    /// <summary>Broadcasts a UTF-8 text message to every open connection (except <paramref name="except"/>).</summary>
    public BroadcastResult BroadcastText(string text, HubConnection? except = null, bool recordInHistory = true) =>
        Broadcast(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, except, recordInHistory);

    /// <summary>
    /// Queues a message for every open connection (except <paramref name="except"/>) and returns at once. The
    /// payload is shared by all queues, not copied: do not change it afterwards.
    /// </summary>
    public BroadcastResult Broadcast(ReadOnlyMemory<byte> payload, WebSocketMessageType messageType = WebSocketMessageType.Binary,
        HubConnection? except = null, bool recordInHistory = true)
    {
        var sequence = recordInHistory && History.Capacity > 0 ? History.Add(payload, messageType).Sequence : 0;
        var message = new OutboundMessage(payload, messageType, sequence);
        int queued = 0, skipped = 0, closedSlow = 0, removed = 0;
        foreach (var connection in Connections)
        {
            if (ReferenceEquals(connection, except))
            {
                continue;
            }

            try
            {
                if (!connection.IsOpen)
                {
                    skipped++;
                    if (connection.IsDead && Connections.Remove(connection))
                    {
                        connection.Abort();
                        removed++;
                    }

                    continue;
                }

                switch (connection.TryEnqueue(message))
                {
                    case EnqueueResult.Queued:
                        queued++;
                        break;
                    case EnqueueResult.ClosedSlowConsumer:
                        closedSlow++;
                        break;
                    default:
                        skipped++;
                        break;
                }
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
            {
                // One broken connection must not end the broadcast for the others.
                Log.HandlerFailed(_logger, ex, "Broadcast", connection.Id);
                if (Connections.Remove(connection))
                {
                    removed++;
                }
            }
        }

        return new BroadcastResult(queued, skipped, closedSlow, removed);
    }

    /// <summary>Starts a close handshake on every connection (used on shutdown with 1001).</summary>
    public void CloseAll(WebSocketCloseStatus status, string? description = null)
    {
        foreach (var connection in Connections)
        {
            connection.Close(status, description);
        }
    }

    /// <summary>Aborts every connection that received nothing for longer than the idle timeout; returns how many.</summary>
    public int SweepIdle(DateTimeOffset now)
    {
        var aborted = 0;
        foreach (var connection in Connections)
        {
            if (now - connection.LastActivity > Options.IdleTimeout)
            {
                connection.Abort();
                aborted++;
            }
        }

        if (aborted > 0)
        {
            Log.IdleSwept(_logger, aborted);
        }

        return aborted;
    }

    /// <summary>Aborts every connection whose current send is older than the send timeout; returns how many.</summary>
    internal int AbortStuckSends(long nowTimestamp)
    {
        var aborted = 0;
        foreach (var connection in Connections)
        {
            if (connection.IsSendStuck(nowTimestamp))
            {
                connection.Abort();
                aborted++;
            }
        }

        return aborted;
    }

    internal WebSocketHubMetrics Metrics => _metrics;
}

/// <summary>Outcome of a broadcast.</summary>
/// <param name="Queued">Connections the message was queued for.</param>
/// <param name="Skipped">Connections skipped because they are closing or closed.</param>
/// <param name="ClosedSlowConsumers">Connections closed by the slow-consumer policy during this broadcast.</param>
/// <param name="RemovedDeadPeers">Dead connections removed from the registry during this broadcast.</param>
public readonly record struct BroadcastResult(int Queued, int Skipped, int ClosedSlowConsumers, int RemovedDeadPeers);
