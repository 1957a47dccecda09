using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WsReliability.Internal;

namespace WsReliability;

/// <summary>
/// A WebSocket client that stays connected: a new ClientWebSocket per attempt, one attempt at a time, jittered
/// exponential backoff between attempts, close-code aware reconnects, keep-alive timeouts, one writer behind a
/// bounded send queue, and whole received messages up to a size limit. See docs/runtime.md.
/// </summary>
public sealed partial class ReconnectingWebSocketClient : IAsyncDisposable
{
    private readonly ReconnectingWebSocketOptions _options;
    private readonly ILogger _logger;
    private readonly ClientMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ReconnectBackoff _backoff;
    private readonly Channel<OutboundMessage> _outbound;
    private readonly Channel<WebSocketMessage> _inbound;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly TaskCompletionSource _firstOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _stateLock = new();
    private ConnectionState _state;
    private Connection? _connection;
    private TaskCompletionSource<Connection> _opened = NewOpenedSource();
    private CloseInfo? _closeRequested;
    private CloseInfo? _lastClose;
    private int _started;
    private int _disposed;
    private int _attempts;
    private long _heartbeatReplies;
    private Task _supervisor = Task.CompletedTask;
    private Task _writer = Task.CompletedTask;

    /// <summary>Creates a client for <paramref name="uri"/>; nothing happens until <see cref="StartAsync"/>.</summary>
    public ReconnectingWebSocketClient(Uri uri, ReconnectingWebSocketOptions? options = null, ILogger<ReconnectingWebSocketClient>? logger = null)
    {
        Uri = uri ?? throw new ArgumentNullException(nameof(uri));
        if (uri.Scheme is not ("ws" or "wss"))
        {
            throw new ArgumentException("The URI must be ws:// or wss://.", nameof(uri));
        }

        _options = options ?? new ReconnectingWebSocketOptions();
        _options.Validate();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = _options.TimeProvider;
        _metrics = ClientMetrics.For(_options.MeterFactory);
        _metrics.Created();
        _backoff = new ReconnectBackoff(_options.Reconnect, _time, _options.Randomizer, OnReconnectScheduledAsync);
        _outbound = CreateSendQueue();
        _inbound = Channel.CreateBounded<WebSocketMessage>(new BoundedChannelOptions(_options.ReceiveQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
    }

    /// <summary>Raised on every state transition, in order, on the client's background flow. Keep handlers short.</summary>
    public event EventHandler<ConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>Raised when a reconnect attempt is scheduled, with its number and backoff delay.</summary>
    public event EventHandler<ReconnectScheduledEventArgs>? ReconnectScheduled;

    /// <summary>The endpoint.</summary>
    public Uri Uri { get; }

    /// <summary>
    /// This client's session id, sent on every connection in the <c>WsReliability-Session</c> header: the
    /// WsReliability.AspNetCore hub replays history to a returning session from where its last connection stopped.
    /// </summary>
    public string SessionId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The current state.</summary>
    public ConnectionState State
    {
        get
        {
            lock (_stateLock)
            {
                return _state;
            }
        }
    }

    /// <summary>How the last connection ended (null before any connection ended).</summary>
    public CloseInfo? LastClose => Volatile.Read(ref _lastClose);

    /// <summary>Messages waiting in the send queue.</summary>
    public int SendQueueLength => _outbound.Reader.Count;

    /// <summary>Completes when the client is <see cref="ConnectionState.Closed"/>.</summary>
    public Task Completion => _closed.Task;

    /// <summary>Heartbeat replies received (application keep-alive); they are not handed to the application. For tests.</summary>
    internal long HeartbeatRepliesReceived => Interlocked.Read(ref _heartbeatReplies);

    /// <summary>The background tasks (supervisor and writer); all completed once the client is closed. For tests.</summary>
    internal IReadOnlyList<Task> BackgroundTasks => [_supervisor, _writer];

    /// <summary>
    /// Starts connecting and completes when the first connection is open. Cancelling stops the wait, not the client
    /// (it keeps reconnecting until closed or disposed). Fails when the client closes before any connection opened:
    /// with an HttpRequestException carrying the status when the server refused the upgrade for good (403, 404, a 401
    /// the credentials hook could not fix), else with an InvalidOperationException.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            if (!TrySetState(ConnectionState.Disconnected, ConnectionState.Connecting, null))
            {
                throw new InvalidOperationException("The client is closed; create a new one.");
            }

            _writer = Task.Run(WriteLoopAsync);
            _supervisor = Task.Run(SuperviseAsync);
        }
        else if (State == ConnectionState.Closed)
        {
            return Task.FromException(new InvalidOperationException("The client is closed; create a new one."));
        }

        return _firstOpen.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Queues a message for the single writer and completes when it was handed to the socket. When the queue is full
    /// or no connection is open, <see cref="ReconnectingWebSocketOptions.SendPolicy"/> decides (wait, drop the oldest,
    /// fail fast); a message that is not sent fails with <see cref="SendRejectedException"/>, or with the socket's
    /// exception when the connection broke during its send (it is not sent twice). The payload is copied.
    /// Cancelling stops the wait; a message already queued may still be sent.
    /// </summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> payload, WebSocketMessageType messageType, CancellationToken cancellationToken = default)
    {
        if (messageType == WebSocketMessageType.Close)
        {
            throw new ArgumentException("Use CloseAsync to close.", nameof(messageType));
        }

        var message = new OutboundMessage(payload.ToArray(), messageType);
        await EnqueueAsync(message, cancellationToken).ConfigureAwait(false);
        await message.Sent.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends <paramref name="text"/> as a UTF-8 text message; see <see cref="SendAsync"/>.</summary>
    public ValueTask SendTextAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, cancellationToken);

    /// <summary>
    /// Whole received messages from every connection, in order, until the client is closed. Meant for one reader;
    /// while nobody reads, up to ReceiveQueueCapacity messages wait and then receiving pauses.
    /// </summary>
    public IAsyncEnumerable<WebSocketMessage> ReceiveAllAsync(CancellationToken cancellationToken = default) =>
        _inbound.Reader.ReadAllAsync(cancellationToken);

    /// <summary>
    /// Closes for good: sends a Close frame with <paramref name="status"/> when a connection is open, waits up to
    /// CloseTimeout for the server's answer, and stops reconnecting. Queued messages fail with
    /// <see cref="SendRejectionReason.Closed"/>. Calling it again, or after <see cref="DisposeAsync"/>, does nothing more.
    /// </summary>
    public async Task CloseAsync(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string? description = null, CancellationToken cancellationToken = default)
    {
        Interlocked.CompareExchange(ref _closeRequested, new CloseInfo(status, description, null, true), null);
        if (Volatile.Read(ref _started) == 0 && Interlocked.Exchange(ref _started, 1) == 0)
        {
            Finish(_closeRequested, "closed before start");
            return;
        }

        var connection = Volatile.Read(ref _connection);
        if (connection is not null)
        {
            await SendCloseAsync(connection, status, description).ConfigureAwait(false);
            try
            {
                await _supervisor.WaitAsync(_options.CloseTimeout, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The server did not answer the Close frame: the abort below ends the connection.
            }
        }

        _stop.Cancel();
        await Task.WhenAll(_supervisor, _writer).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Closes (as <see cref="CloseAsync"/> with 1000) and releases everything; no background task keeps running.
    /// The stop signal and the send gate are not disposed: they hold no timer or wait handle, and a CloseAsync or a
    /// background task that comes later must not meet a disposed object.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync(WebSocketCloseStatus.NormalClosure, "Client disposed").ConfigureAwait(false);
        }
        catch (Exception error) when (error is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Disposing never throws for a connection that is already broken.
        }

        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _metrics.Removed();
        }
    }

    private static TaskCompletionSource<Connection> NewOpenedSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private bool TrySetState(ConnectionState expected, ConnectionState next, CloseInfo? close)
    {
        lock (_stateLock)
        {
            if (_state != expected)
            {
                return false;
            }

            _state = next;
        }

        OnStateChanged(expected, next, close);
        return true;
    }

    private void SetState(ConnectionState next, CloseInfo? close)
    {
        ConnectionState previous;
        lock (_stateLock)
        {
            previous = _state;
            if (previous == next || previous == ConnectionState.Closed)
            {
                return;
            }

            _state = next;
        }

        OnStateChanged(previous, next, close);
    }

    private void OnStateChanged(ConnectionState previous, ConnectionState next, CloseInfo? close)
    {
        _metrics.StateChanged(previous, next);
        ClientLog.StateChanged(_logger, previous, next, Uri);
        try
        {
            StateChanged?.Invoke(this, new ConnectionStateChangedEventArgs(previous, next, close));
        }
        catch (Exception error)
        {
            ClientLog.HandlerFailed(_logger, error);
        }
    }

    private void Finish(CloseInfo? close, string reason)
    {
        SetState(ConnectionState.Closed, close);
        ClientLog.Closed(_logger, Uri, reason);
        _outbound.Writer.TryComplete();
        while (_outbound.Reader.TryRead(out var message))
        {
            _metrics.Dequeued();
            message.Reject(SendRejectionReason.Closed);
        }

        _inbound.Writer.TryComplete();
        _firstOpen.TrySetException(close?.Error is HttpRequestException refused
            ? refused
            : new InvalidOperationException($"The client closed before a connection opened ({reason})."));
        _stop.Cancel();
        _closed.TrySetResult();
    }
}
