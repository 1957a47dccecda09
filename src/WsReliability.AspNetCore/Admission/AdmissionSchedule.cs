using System;

namespace WsReliability.AspNetCore.Admission;

/// <summary>
/// Hands out the delay hints of the clients the hub turns away, so that they come back spread at the admission rate:
/// each hint is at least the minimum asked for and lands 1/rate seconds after the previous one. Thread-safe.
/// </summary>
internal sealed class AdmissionSchedule
{
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly double _spacingTicks;
    private readonly object _gate = new();
    private double _lastSlotTicks = double.MinValue;

    public AdmissionSchedule(double admissionsPerSecond, TimeProvider time)
    {
        _time = time;
        _origin = time.GetTimestamp();
        _spacingTicks = TimeSpan.TicksPerSecond / admissionsPerSecond;
    }

    /// <summary>The next hint: at least <paramref name="minimum"/> from now, one admission interval after the last one handed out.</summary>
    public TimeSpan Next(TimeSpan minimum)
    {
        lock (_gate)
        {
            double now = _time.GetElapsedTime(_origin).Ticks;
            var slot = Math.Max(now + minimum.Ticks, _lastSlotTicks + _spacingTicks);
            _lastSlotTicks = slot;
            return TimeSpan.FromTicks((long)(slot - now));
        }
    }
}
