using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WsReliability.AspNetCore.Admission;
using WsReliability.AspNetCore.Diagnostics;
using WsReliability.AspNetCore.Liveness;
using WsReliability.Protocol;

namespace WsReliability.AspNetCore;

/// <summary>
/// One open WebSocket of the hub. Sending never touches the socket directly: messages go to a bounded queue that a
/// single writer drains, so there are never concurrent sends, and a slow peer only fills its own queue. Received
/// messages wait in a bounded queue of their own for the handler, which takes them one at a time, in order.
/// </summary>
public sealed partial class HubConnection
{
    private const int MaxSessionIdLength = 64;

    private readonly WebSocket _socket;
    private readonly Channel<OutboundMessage> _queue;
    private readonly Channel<InboundMessage> _inbound;
    private readonly WebSocketHubMetrics _metrics;
    private readonly SlowConsumerPolicy _policy;
    private readonly long _maxQueuedBytes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _sendTimeout;
    private readonly TimeSpan _closeTimeout;
    private readonly TimeSpan _retryAfter;
    private readonly AdmissionSchedule _hints;
    private readonly InboundActivity _activity;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort;
    private CloseRequest? _close;
    private long _sendStartedAt;
    private long _queuedBytes;
    private IReadOnlyList<HubMessage>? _replay;
    private long _messagesIn;
    private long _messagesOut;
    private long _lastSequenceSent;
    private int _released;
    private int? _peerCloseStatus;

    internal HubConnection(string id, WebSocket socket, HttpContext? httpContext, WebSocketHubOptions options,
        WebSocketHubMetrics metrics, TimeProvider time, ILogger logger, AdmissionSchedule? hints = null, InboundActivity? activity = null)
    {
        Id = id;
        HttpContext = httpContext;
        RemoteAddress = httpContext?.Connection.RemoteIpAddress?.ToString();
        SessionId = ReadSessionId(httpContext);
        _socket = socket;
        _metrics = metrics;
        _policy = options.SlowConsumerPolicy;
        _maxQueuedBytes = options.SendQueueMaxBytes;
        _time = time;
        _sendTimeout = options.SendTimeout;
        _closeTimeout = options.CloseTimeout;
        _retryAfter = options.RetryAfter;
        _hints = hints ?? new AdmissionSchedule(options.AdmissionRate, time);
        _activity = activity ?? new InboundActivity(time);
        _logger = logger;
        ConnectedAt = time.GetUtcNow();

        var queueOptions = new BoundedChannelOptions(options.SendQueueCapacity)
        {
            // DropOldest also reads from the enqueuing side to trim the queue to its byte budget.
            SingleReader = _policy != SlowConsumerPolicy.DropOldest,
            SingleWriter = false,
            FullMode = _policy == SlowConsumerPolicy.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
        };
        _queue = _policy == SlowConsumerPolicy.DropOldest
            ? Channel.CreateBounded<OutboundMessage>(queueOptions, Dropped)
            : Channel.CreateBounded<OutboundMessage>(queueOptions);
        _inbound = Channel.CreateBounded<InboundMessage>(new BoundedChannelOptions(options.InboundQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        _abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    /// <summary>Unique id of the connection (32 hex digits).</summary>
    public string Id { get; }

    /// <summary>
    /// The client's session id (the WsReliability-Session request header that ReconnectingWebSocketClient sends, the
    /// same on all its connections), or null.
    /// </summary>
    public string? SessionId { get; }

    /// <summary>
    /// The upgrade request (query string, headers, user), valid until the connection ends; null afterwards.
    /// </summary>
    public HttpContext? HttpContext { get; private set; }

    /// <summary>The peer's IP address, when known.</summary>
    public string? RemoteAddress { get; }

    /// <summary>When the connection was accepted.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>When bytes last arrived from the peer: a message, a heartbeat, or a keep-alive PING or PONG frame.</summary>
    public DateTimeOffset LastActivity => _activity.Last;

    /// <summary>Messages received from the peer.</summary>
    public long MessagesIn => Interlocked.Read(ref _messagesIn);

    /// <summary>Messages sent to the peer.</summary>
    public long MessagesOut => Interlocked.Read(ref _messagesOut);

    /// <summary>Messages waiting in the outbound queue.</summary>
    public int QueuedMessages => _queue.Reader.CanCount ? _queue.Reader.Count : 0;

    /// <summary>State of the underlying socket.</summary>
    public WebSocketState State => _socket.State;

    /// <summary>True while messages can still be queued: the socket is open and no close was requested.</summary>
    public bool IsOpen => Volatile.Read(ref _close) is null && _socket.State == WebSocketState.Open;

    /// <summary>Cancelled when the connection is aborted (or a close handshake timed out, or its socket died).</summary>
    public CancellationToken Aborted => _abort.Token;

    /// <summary>
    /// The close status the connection ended with: the one the server closed with, else the peer's, else 1006 when
    /// it was aborted without a close handshake. Null while open.
    /// </summary>
    public int? CloseStatus { get; private set; }

    /// <summary>Queues a message for this connection; false when it is closing or the slow-consumer policy closed it.</summary>
    public bool Send(ReadOnlyMemory<byte> payload, WebSocketMessageType messageType = WebSocketMessageType.Binary) =>
        TryEnqueue(new OutboundMessage(payload, messageType, 0)) == EnqueueResult.Queued;

    /// <summary>Queues a UTF-8 text message for this connection.</summary>
    public bool SendText(string text) => Send(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    /// <summary>
    /// Starts a close handshake: nothing more can be queued, the messages already queued are sent, then the Close
    /// frame; the connection is aborted if all that does not finish within the close timeout.
    /// </summary>
    public void Close(WebSocketCloseStatus status, string? description = null) => RequestClose(status, description, serverInitiated: true, flush: true);

    /// <summary>Aborts the connection at once, without a close handshake.</summary>
    public void Abort()
    {
        if (Volatile.Read(ref _released) != 0)
        {
            return;
        }

        try
        {
            _abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        _queue.Writer.TryComplete();
        _socket.Abort();
    }

    /// <summary>
    /// Sends these messages before anything queued (for a reconnecting client that asks for what it missed).
    /// Only effective in <see cref="WebSocketHubHandler.OnConnectedAsync"/>, before the writer starts.
    /// </summary>
    public void ReplayOnStart(IReadOnlyList<HubMessage> messages) => _replay = messages;

    internal bool ReplaySet => _replay is not null;

    internal ChannelReader<InboundMessage> Inbound => _inbound.Reader;

    internal ChannelWriter<InboundMessage> InboundWriter => _inbound.Writer;

    /// <summary>The history sequence of the last recorded message handed to the socket (0 when none).</summary>
    internal long LastSequenceSent => Interlocked.Read(ref _lastSequenceSent);

    internal bool IsDead => _socket.State is WebSocketState.Aborted or WebSocketState.Closed;

    /// <summary>True when a send has been in progress for longer than the send timeout (the peer stopped reading).</summary>
    internal bool IsSendStuck(long now)
    {
        var started = Interlocked.Read(ref _sendStartedAt);
        return started != 0 && _time.GetElapsedTime(started, now) > _sendTimeout;
    }

    /// <summary>Marks activity for a connection whose stream is not tracked (a hub mapped without its pipeline).</summary>
    internal void MarkActivity() => _activity.Touch();

    internal void CountReceived()
    {
        Interlocked.Increment(ref _messagesIn);
        _metrics.MessageReceived();
    }

    internal EnqueueResult TryEnqueue(in OutboundMessage message)
    {
        if (Volatile.Read(ref _close) is not null)
        {
            return EnqueueResult.Closing;
        }

        var size = message.Payload.Length;
        var queuedBytes = Interlocked.Add(ref _queuedBytes, size);
        if (queuedBytes > _maxQueuedBytes && queuedBytes != size)
        {
            if (_policy == SlowConsumerPolicy.Close)
            {
                Interlocked.Add(ref _queuedBytes, -size);
                return CloseSlowConsumer();
            }

            TrimToByteBudget();
        }

        if (_queue.Writer.TryWrite(message))
        {
            return EnqueueResult.Queued;
        }

        Interlocked.Add(ref _queuedBytes, -size);
        return _policy == SlowConsumerPolicy.Close && Volatile.Read(ref _close) is null ? CloseSlowConsumer() : EnqueueResult.Closing;
    }

    /// <summary>Closes with 1013 Try Again Later and a spread delay hint (a full hub, a handler backlog, a slow consumer).</summary>
    internal void CloseTryAgainLater(string reason, bool flush) =>
        RequestClose(WsCloseCodes.TryAgainLater, RetryAfterHint.Format(reason, _hints.Next(_retryAfter)), serverInitiated: true, flush);

    internal void PeerClosed(WebSocketCloseStatus? status, string? description)
    {
        _peerCloseStatus = status is null ? null : (int)status.Value;
        RequestClose(status ?? WebSocketCloseStatus.Empty, status is null ? null : description, serverInitiated: false, flush: false);
    }

    internal void RequestClose(WebSocketCloseStatus status, string? description, bool serverInitiated, bool flush)
    {
        if (Interlocked.CompareExchange(ref _close, new CloseRequest(status, description, serverInitiated, flush), null) is not null)
        {
            return;
        }

        _queue.Writer.TryComplete();
        try
        {
            _abort.CancelAfter(_closeTimeout);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    internal int ResolveCloseStatus()
    {
        var closeCompleted = _socket.State == WebSocketState.Closed;
        var status = Volatile.Read(ref _close) is { ServerInitiated: true } close
            ? (int)close.Status
            : _peerCloseStatus ?? (closeCompleted ? (int)WebSocketCloseStatus.NormalClosure : 1006);
        CloseStatus = status;
        return status;
    }

    /// <summary>Frees the timers; the connection is unusable afterwards.</summary>
    internal void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _inbound.Writer.TryComplete();
        _abort.Dispose();
        _replay = null;
        HttpContext = null;
    }

    private static string? ReadSessionId(HttpContext? context)
    {
        string? value = context?.Request.Headers[WireNames.SessionHeader];
        if (string.IsNullOrEmpty(value) || value.Length > MaxSessionIdLength)
        {
            return null;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return null;
            }
        }

        return value;
    }

    private EnqueueResult CloseSlowConsumer()
    {
        _metrics.Dropped(SlowConsumerPolicy.Close);
        Log.SlowConsumerClosed(_logger, Id, _queue.Reader.Count);
        CloseTryAgainLater("Slow consumer: outbound queue full", flush: false);
        return EnqueueResult.ClosedSlowConsumer;
    }

    private void TrimToByteBudget()
    {
        while (Interlocked.Read(ref _queuedBytes) > _maxQueuedBytes && _queue.Reader.TryRead(out var oldest))
        {
            Dropped(oldest);
        }
    }

    private void Dropped(OutboundMessage message)
    {
        Interlocked.Add(ref _queuedBytes, -message.Payload.Length);
        _metrics.Dropped(SlowConsumerPolicy.DropOldest);
    }
}

/// <summary>What happened to a message offered to a connection's queue.</summary>
internal enum EnqueueResult
{
    Queued,
    Closing,
    ClosedSlowConsumer,
}

/// <summary>A message on its way out; <see cref="Sequence"/> is its history number (0 when not recorded).</summary>
internal readonly record struct OutboundMessage(ReadOnlyMemory<byte> Payload, WebSocketMessageType MessageType, long Sequence);
