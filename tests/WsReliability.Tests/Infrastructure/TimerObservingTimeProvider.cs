using System;
using System.Threading;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace WsReliability.Tests.Infrastructure;

/// <summary>
/// A FakeTimeProvider that also reports each timer it creates, so a test advances the clock only after the code
/// under test started waiting (advancing earlier would start the wait from the later time).
/// </summary>
internal sealed class TimerObservingTimeProvider : TimeProvider
{
    public FakeTimeProvider Fake { get; } = new();

    public Channel<TimeSpan> TimersCreated { get; } = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        TimersCreated.Writer.TryWrite(dueTime);
        return timer;
    }
}
