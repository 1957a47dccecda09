using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WsReliability.AspNetCore.Diagnostics;

namespace WsReliability.AspNetCore;

/// <summary>
/// One open WebSocket of the hub. Sending never touches the socket directly: messages go to a bounded queue that a
/// single writer drains, so there are never concurrent sends, and a slow peer only fills its own queue.
/// </summary>
public sealed partial class HubConnection
{
    private readonly WebSocket _socket;
    private readonly Channel<OutboundMessage> _queue;
    private readonly WebSocketHubMetrics _metrics;
    private readonly SlowConsumerPolicy _policy;
    private readonly TimeProvider _time;
    private readonly TimeSpan _sendTimeout;
    private readonly TimeSpan _closeTimeout;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort;
    private long _sendStartedAt;
    private IReadOnlyList<HubMessage>? _replay;
    private long _lastActivityTicks;
    private long _messagesIn;
    private long _messagesOut;
    private int _closeRequested;
    private int _released;
    private bool _serverInitiatedClose;
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;
    private string? _closeDescription;
    private int? _peerCloseStatus;

    internal HubConnection(string id, WebSocket socket, HttpContext? httpContext, WebSocketHubOptions options,
        WebSocketHubMetrics metrics, TimeProvider time, ILogger logger)
    {
        Id = id;
        HttpContext = httpContext;
        var remoteAddress = httpContext?.Connection.RemoteIpAddress?.ToString();
        RemoteAddress = remoteAddress;
        _socket = socket;
        _metrics = metrics;
        _policy = options.SlowConsumerPolicy;
        _time = time;
        _sendTimeout = options.SendTimeout;
        _closeTimeout = options.CloseTimeout;
        _logger = logger;
        ConnectedAt = time.GetUtcNow();
        _lastActivityTicks = ConnectedAt.UtcTicks;

        var queueOptions = new BoundedChannelOptions(options.SendQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = _policy == SlowConsumerPolicy.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
        };
        _queue = _policy == SlowConsumerPolicy.DropOldest
            ? Channel.CreateBounded<OutboundMessage>(queueOptions, _ => _metrics.Dropped(SlowConsumerPolicy.DropOldest))
            : Channel.CreateBounded<OutboundMessage>(queueOptions);

        _abort = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    /// <summary>Unique id of the connection (32 hex digits).</summary>
    public string Id { get; }

    /// <summary>
    /// The upgrade request (query string, headers, user), valid until the connection ends; null afterwards.
    /// </summary>
    public HttpContext? HttpContext { get; private set; }

    /// <summary>The peer's IP address, when known.</summary>
    public string? RemoteAddress { get; }

    /// <summary>When the connection was accepted.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>When the last frame was received from the peer.</summary>
    public DateTimeOffset LastActivity => new(Interlocked.Read(ref _lastActivityTicks), TimeSpan.Zero);

    /// <summary>Messages received from the peer.</summary>
    public long MessagesIn => Interlocked.Read(ref _messagesIn);

    /// <summary>Messages sent to the peer.</summary>
    public long MessagesOut => Interlocked.Read(ref _messagesOut);

    /// <summary>Messages waiting in the outbound queue.</summary>
    public int QueuedMessages => _queue.Reader.CanCount ? _queue.Reader.Count : 0;

    /// <summary>State of the underlying socket.</summary>
    public WebSocketState State => _socket.State;

    /// <summary>True while messages can still be queued: the socket is open and no close was requested.</summary>
    public bool IsOpen => Volatile.Read(ref _closeRequested) == 0 && _socket.State == WebSocketState.Open;

    /// <summary>Cancelled when the connection is aborted (or a close handshake timed out).</summary>
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
    /// Starts a close handshake: no more messages are sent, the close frame follows whatever is being written,
    /// and the connection is aborted if the handshake does not finish within the close timeout.
    /// </summary>
    public void Close(WebSocketCloseStatus status, string? description = null) => RequestClose(status, description, serverInitiated: true);

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

    internal bool IsDead => _socket.State is WebSocketState.Aborted or WebSocketState.Closed;

    /// <summary>True when a send has been in progress for longer than the send timeout (the peer stopped reading).</summary>
    internal bool IsSendStuck(long now)
    {
        var started = Interlocked.Read(ref _sendStartedAt);
        return started != 0 && _time.GetElapsedTime(started, now) > _sendTimeout;
    }

    internal void MarkActivity() => Interlocked.Exchange(ref _lastActivityTicks, _time.GetUtcNow().UtcTicks);

    internal void CountReceived()
    {
        Interlocked.Increment(ref _messagesIn);
        _metrics.MessageReceived();
    }

    internal EnqueueResult TryEnqueue(in OutboundMessage message)
    {
        if (Volatile.Read(ref _closeRequested) != 0)
        {
            return EnqueueResult.Closing;
        }

        if (_queue.Writer.TryWrite(message))
        {
            return EnqueueResult.Queued;
        }

        if (_policy == SlowConsumerPolicy.Close && Volatile.Read(ref _closeRequested) == 0)
        {
            _metrics.Dropped(SlowConsumerPolicy.Close);
            Log.SlowConsumerClosed(_logger, Id, _queue.Reader.Count);
            RequestClose(WebSocketCloseStatus.PolicyViolation, "Slow consumer: outbound queue full", serverInitiated: true);
            return EnqueueResult.ClosedSlowConsumer;
        }

        return EnqueueResult.Closing;
    }

    internal void PeerClosed(WebSocketCloseStatus? status, string? description)
    {
        _peerCloseStatus = status is null ? null : (int)status.Value;
        RequestClose(status ?? WebSocketCloseStatus.Empty, status is null ? null : description, serverInitiated: false);
    }

    internal void RequestClose(WebSocketCloseStatus status, string? description, bool serverInitiated)
    {
        if (Interlocked.CompareExchange(ref _closeRequested, 1, 0) != 0)
        {
            return;
        }

        _closeStatus = status;
        _closeDescription = description;
        _serverInitiatedClose = serverInitiated;
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
        var status = Volatile.Read(ref _closeRequested) != 0 && _serverInitiatedClose
            ? (int)_closeStatus
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
        _abort.Dispose();
        _replay = null;
        HttpContext = null;
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
