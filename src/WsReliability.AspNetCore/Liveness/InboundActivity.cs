using System;
using System.Threading;

namespace WsReliability.AspNetCore.Liveness;

/// <summary>When bytes last arrived from the peer: messages, heartbeats, and the PING and PONG frames of the keep-alive.</summary>
internal sealed class InboundActivity
{
    private readonly TimeProvider _time;
    private long _lastTicks;

    public InboundActivity(TimeProvider time)
    {
        _time = time;
        _lastTicks = time.GetUtcNow().UtcTicks;
    }

    public DateTimeOffset Last => new(Interlocked.Read(ref _lastTicks), TimeSpan.Zero);

    public void Touch() => Interlocked.Exchange(ref _lastTicks, _time.GetUtcNow().UtcTicks);
}
