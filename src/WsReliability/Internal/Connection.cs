using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace WsReliability.Internal;

/// <summary>One open ClientWebSocket and everything scoped to it.</summary>
internal sealed class Connection : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _cts;
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastReceived;
    private CloseInfo? _endReason;

    public Connection(ClientWebSocket socket, CancellationToken clientStopping, TimeProvider timeProvider)
    {
        Socket = socket;
        _timeProvider = timeProvider;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(clientStopping);
        Token = _cts.Token;
        OpenedAt = timeProvider.GetTimestamp();
        _lastReceived = OpenedAt;
    }

    public ClientWebSocket Socket { get; }

    /// <summary>Cancelled when the connection ends or the client stops.</summary>
    public CancellationToken Token { get; }

    public long OpenedAt { get; }

    public Task Ended => _ended.Task;

    /// <summary>Set while the receive loop waits for the application to take a message (the peer is not being read).</summary>
    public volatile bool ReaderBlocked;

    /// <summary>Why this side ended the connection (its own Close frame, a keep-alive timeout), if it did.</summary>
    public CloseInfo? EndReason => Volatile.Read(ref _endReason);

    public TimeSpan OpenFor => _timeProvider.GetElapsedTime(OpenedAt);

    public TimeSpan SilentFor => _timeProvider.GetElapsedTime(Interlocked.Read(ref _lastReceived));

    public void Touch() => Interlocked.Exchange(ref _lastReceived, _timeProvider.GetTimestamp());

    /// <summary>Records why this side ends the connection; the first reason wins.</summary>
    public bool TrySetEndReason(CloseInfo reason) => Interlocked.CompareExchange(ref _endReason, reason, null) is null;

    public void Abort(CloseInfo reason)
    {
        TrySetEndReason(reason);
        Socket.Abort();
    }

    public void End()
    {
        _ended.TrySetResult();
        _cts.Cancel();
    }

    public void Dispose()
    {
        End();
        Socket.Dispose();
        _cts.Dispose();
    }
}
