using System;

namespace WsReliability.AspNetCore.Shared;

// Shared candidate (a client also wants "failures in the last N minutes"): move to src/WsReliability when it exists.
/// <summary>
/// Sums of a few counters over a sliding time window, kept in a fixed number of buckets (no growth with traffic).
/// Thread-safe; time comes from a <see cref="TimeProvider"/>.
/// </summary>
internal sealed class SlidingWindow
{
    private const int BucketCount = 12;
    private readonly Bucket[] _buckets = new Bucket[BucketCount];
    private readonly long _bucketTicks;
    private readonly TimeProvider _time;
    private readonly object _gate = new();

    public SlidingWindow(TimeSpan window, TimeProvider time)
    {
        _bucketTicks = Math.Max(1, window.Ticks / BucketCount);
        _time = time;
    }

    public void Add(int counter, double value)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var slot = now / _bucketTicks;
        lock (_gate)
        {
            ref var bucket = ref _buckets[slot % BucketCount];
            if (bucket.Slot != slot)
            {
                bucket = new Bucket { Slot = slot };
            }

            bucket.Sums[counter] += value;
            bucket.Counts[counter]++;
        }
    }

    /// <summary>Sum and number of values of <paramref name="counter"/> within the window.</summary>
    public (double Sum, long Count) Read(int counter)
    {
        var current = _time.GetUtcNow().UtcTicks / _bucketTicks;
        double sum = 0;
        long count = 0;
        lock (_gate)
        {
            foreach (var bucket in _buckets)
            {
                if (bucket.Sums is not null && current - bucket.Slot < BucketCount)
                {
                    sum += bucket.Sums[counter];
                    count += bucket.Counts[counter];
                }
            }
        }

        return (sum, count);
    }

    private struct Bucket
    {
        public const int Counters = 4;

        public Bucket()
        {
        }

        public long Slot;
        public double[] Sums = new double[Counters];
        public long[] Counts = new long[Counters];
    }
}
