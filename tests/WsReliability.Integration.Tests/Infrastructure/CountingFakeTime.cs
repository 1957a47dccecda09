using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace WsReliability.Integration.Tests.Infrastructure;

/// <summary>
/// A fake clock that counts the timers created on it, so a test moves the clock only after the code under test has
/// started its next wait (moving it earlier would start that wait from the later time).
/// </summary>
internal sealed class CountingFakeTime : FakeTimeProvider
{
    private int _timers;

    public CountingFakeTime()
        : base(DateTimeOffset.UtcNow)
    {
    }

    public int TimersCreated => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}
