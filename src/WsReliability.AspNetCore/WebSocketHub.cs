using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WsReliability.AspNetCore.Admission;
using WsReliability.AspNetCore.Diagnostics;
using WsReliability.Protocol;

namespace WsReliability.AspNetCore;

/// <summary>
/// The hub: its open connections, its message history, broadcast, and admission. Broadcast only queues (it never
/// waits on a peer), skips and removes dead peers, isolates failures per connection, and leaves slow peers to the
/// slow-consumer policy. Clients it turns away (unavailable, draining, full, slow) are given delay hints spread at
/// <see cref="WebSocketHubOptions.AdmissionRate"/>.
/// </summary>
public sealed class WebSocketHub : IDisposable
{
    private readonly WebSocketHubMetrics _metrics;
    private readonly ILogger<WebSocketHub> _logger;
    private readonly TimeProvider _time;
    private readonly object _availabilityGate = new();
    private HubAvailability _availability = HubAvailability.Available;
    private long? _expectedAvailableAt;

    /// <summary>Created by dependency injection (<c>services.AddWebSocketHub(...)</c>).</summary>
    public WebSocketHub(IOptions<WebSocketHubOptions> options, WebSocketHubMetrics metrics, TimeProvider timeProvider, ILogger<WebSocketHub> logger)
    {
        Options = options.Value;
        Options.Validate();
        _metrics = metrics;
        _logger = logger;
        _time = timeProvider;
        Connections = new ConnectionRegistry(Options.MaxConnections, metrics);
        History = new MessageHistory(Options.HistoryCapacity, timeProvider);
        Hints = new AdmissionSchedule(Options.AdmissionRate, timeProvider);
        Sessions = new ReplaySessions(Options.MaxConnections);
    }

    /// <summary>The options in force.</summary>
    public WebSocketHubOptions Options { get; }

    /// <summary>The open connections.</summary>
    public ConnectionRegistry Connections { get; }

    /// <summary>The bounded history of broadcast messages.</summary>
    public MessageHistory History { get; }

    /// <summary>Whether upgrades are accepted; see <see cref="SetUnavailable"/>.</summary>
    public HubAvailability Availability
    {
        get
        {
            lock (_availabilityGate)
            {
                return _availability;
            }
        }
    }

    internal AdmissionSchedule Hints { get; }

    internal ReplaySessions Sessions { get; }

    internal WebSocketHubMetrics Metrics => _metrics;

    /// <summary>
    /// Stops taking connections (while the application starts, warms up, or drains): upgrades are answered 503
    /// Service Unavailable with a Retry-After of the time left of <paramref name="expectedFor"/> (or
    /// <see cref="WebSocketHubOptions.RetryAfter"/> when not given or past), each one 1/AdmissionRate later than the
    /// previous, so the clients come back spread out. Open connections stay open.
    /// </summary>
    public void SetUnavailable(TimeSpan? expectedFor = null)
    {
        lock (_availabilityGate)
        {
            _availability = HubAvailability.Unavailable;
            _expectedAvailableAt = expectedFor is { } downtime ? _time.GetTimestamp() + (long)(downtime.TotalSeconds * _time.TimestampFrequency) : null;
        }

        Log.Unavailable(_logger);
    }

    /// <summary>Takes connections again.</summary>
    public void SetAvailable()
    {
        lock (_availabilityGate)
        {
            _availability = HubAvailability.Available;
            _expectedAvailableAt = null;
        }

        Log.Available(_logger);
    }

    /// <summary>
    /// Drains the hub: <see cref="SetUnavailable"/>, then closes every connection with 1001 Going Away and a delay hint,
    /// one after the other (at most AdmissionRate per second, all within <see cref="WebSocketHubOptions.DrainWindow"/>),
    /// after their queued messages. Completes when every connection has ended (or <paramref name="cancellationToken"/>
    /// is cancelled). The hub stays unavailable until <see cref="SetAvailable"/>. Shutdown does this on its own.
    /// </summary>
    public async Task DrainAsync(TimeSpan? expectedFor = null, CancellationToken cancellationToken = default)
    {
        SetUnavailable(expectedFor);
        var connections = Connections.ToList();
        await CloseStaggeredAsync(connections, WebSocketCloseStatus.EndpointUnavailable, "Server going away", cancellationToken).ConfigureAwait(false);
        await Connections.WhenEmptyAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The Retry-After (whole seconds, rounded up) for an upgrade turned away while unavailable.</summary>
    internal int NextRetryAfterSeconds() => (int)Math.Ceiling(Hints.Next(MinimumHint()).TotalSeconds);

    /// <summary>What the next delay hint is at least: the time left until the hub expects to be available, else RetryAfter.</summary>
    internal TimeSpan MinimumHint()
    {
        lock (_availabilityGate)
        {
            if (_availability == HubAvailability.Unavailable && _expectedAvailableAt is { } at)
            {
                var left = TimeSpan.FromSeconds((at - _time.GetTimestamp()) / (double)_time.TimestampFrequency);
                if (left > TimeSpan.Zero)
                {
                    return left;
                }
            }
        }

        return Options.RetryAfter;
    }

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

    /// <summary>
    /// Starts a close handshake on every connection at once, without a delay hint. Prefer <see cref="DrainAsync"/>,
    /// which spreads the closes and the reconnects.
    /// </summary>
    public void CloseAll(WebSocketCloseStatus status, string? description = null)
    {
        foreach (var connection in Connections)
        {
            connection.Close(status, description);
        }
    }

    /// <summary>
    /// Closes with 1001 Going Away (and a delay hint), one after the other at the admission rate, every connection from
    /// which nothing at all arrived for longer than the idle timeout. Messages, heartbeats and keep-alive PING/PONG
    /// frames all count, so a peer whose keep-alive works is never swept. Returns how many it closed.
    /// </summary>
    public async Task<int> SweepIdleAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var idle = Connections.Where(c => c.IsOpen && now - c.LastActivity > Options.IdleTimeout).ToList();
        if (idle.Count > 0)
        {
            Log.IdleSwept(_logger, idle.Count);
            await CloseStaggeredAsync(idle, WebSocketCloseStatus.EndpointUnavailable, "Idle timeout", cancellationToken).ConfigureAwait(false);
        }

        return idle.Count;
    }

    /// <summary>
    /// Aborts every connection whose current send is older than the send timeout, and ends every connection whose
    /// socket died meanwhile (a keep-alive timeout while its receive loop waited for its handler); returns how many.
    /// </summary>
    internal int CheckConnections(long nowTimestamp)
    {
        var aborted = 0;
        foreach (var connection in Connections)
        {
            if (connection.IsSendStuck(nowTimestamp) || connection.State == WebSocketState.Aborted)
            {
                connection.Abort();
                aborted++;
            }
        }

        return aborted;
    }

    /// <inheritdoc />
    public void Dispose() => Sessions.Dispose();

    /// <summary>
    /// Closes the connections one after the other: at most AdmissionRate per second, all within DrainWindow, each with
    /// a delay hint from the admission schedule. Never throws on cancellation: the rest are then closed at once.
    /// </summary>
    private async Task CloseStaggeredAsync(IReadOnlyList<HubConnection> connections, WebSocketCloseStatus status, string reason,
        CancellationToken cancellationToken)
    {
        if (connections.Count == 0)
        {
            return;
        }

        var spacing = TimeSpan.FromSeconds(Math.Min(1 / Options.AdmissionRate, Options.DrainWindow.TotalSeconds / connections.Count));
        Log.Draining(_logger, connections.Count, spacing.TotalSeconds * connections.Count);
        var start = _time.GetTimestamp();
        for (var i = 0; i < connections.Count; i++)
        {
            connections[i].Close(status, RetryAfterHint.Format(reason, Hints.Next(MinimumHint())));
            var due = spacing * (i + 1) - _time.GetElapsedTime(start);
            if (due > TimeSpan.Zero && i + 1 < connections.Count && !cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(due, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }
}

/// <summary>Outcome of a broadcast.</summary>
/// <param name="Queued">Connections the message was queued for.</param>
/// <param name="Skipped">Connections skipped because they are closing or closed.</param>
/// <param name="ClosedSlowConsumers">Connections closed by the slow-consumer policy during this broadcast.</param>
/// <param name="RemovedDeadPeers">Dead connections removed from the registry during this broadcast.</param>
public readonly record struct BroadcastResult(int Queued, int Skipped, int ClosedSlowConsumers, int RemovedDeadPeers);
