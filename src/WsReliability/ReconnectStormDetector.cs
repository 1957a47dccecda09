using System;

namespace WsReliability;

/// <summary>
/// Counts reconnects over a sliding window and says when their rate is a storm. Usable on its own (call
/// <see cref="RecordReconnect"/> from any reconnect path) or shared by clients through
/// <see cref="ReconnectingWebSocketOptions.StormDetector"/>. Thread-safe; memory is fixed (one counter per bucket).
/// </summary>
/// <remarks>
/// The window is cut into <see cref="BucketCount"/> buckets, so it slides in steps of Window / BucketCount (100 ms by
/// default). The default threshold, more than 5 reconnects per second over 10 seconds, is the alert threshold of the
/// team's WebSocket incident guide.
/// </remarks>
public sealed class ReconnectStormDetector
{
    /// <summary>The number of buckets the window is cut into.</summary>
    public const int BucketCount = 100;

    private readonly TimeProvider _timeProvider;
    private readonly long _origin;
    private readonly long _bucketTicks;
    private readonly long[] _bucketIds = new long[BucketCount];
    private readonly int[] _counts = new int[BucketCount];
    private readonly object _gate = new();
    private bool _inStorm;

    /// <summary>Creates a detector.</summary>
    /// <param name="window">The sliding window; default 10 s.</param>
    /// <param name="threshold">A storm is a rate above this many reconnects per second; default 5.</param>
    /// <param name="timeProvider">The clock; default <see cref="TimeProvider.System"/>.</param>
    public ReconnectStormDetector(TimeSpan? window = null, double threshold = 5, TimeProvider? timeProvider = null)
    {
        Window = window ?? TimeSpan.FromSeconds(10);
        if (Window < TimeSpan.FromMilliseconds(BucketCount))
        {
            throw new ArgumentOutOfRangeException(nameof(window), "The window must be at least 100 ms.");
        }

        if (threshold <= 0 || double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), "The threshold must be positive.");
        }

        Threshold = threshold;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _origin = _timeProvider.GetTimestamp();
        _bucketTicks = Window.Ticks / BucketCount;
        Array.Fill(_bucketIds, long.MinValue);
    }

    /// <summary>Raised (on the recording thread) when the rate rises above the threshold; again only after it fell back.</summary>
    public event EventHandler<ReconnectStormEventArgs>? StormDetected;

    /// <summary>The sliding window.</summary>
    public TimeSpan Window { get; }

    /// <summary>Reconnects per second above which it is a storm.</summary>
    public double Threshold { get; }

    /// <summary>Reconnects per second over the last <see cref="Window"/>.</summary>
    public double ReconnectsPerSecond
    {
        get
        {
            lock (_gate)
            {
                return CountInWindow(CurrentBucket()) / Window.TotalSeconds;
            }
        }
    }

    /// <summary>True while the rate is above the threshold.</summary>
    public bool IsStorm
    {
        get
        {
            lock (_gate)
            {
                _inStorm = CountInWindow(CurrentBucket()) / Window.TotalSeconds > Threshold;
                return _inStorm;
            }
        }
    }

    /// <summary>Records one reconnect now.</summary>
    public void RecordReconnect()
    {
        ReconnectStormEventArgs? started = null;
        lock (_gate)
        {
            var bucket = CurrentBucket();
            var slot = (int)(bucket % BucketCount);
            if (_bucketIds[slot] != bucket)
            {
                _bucketIds[slot] = bucket;
                _counts[slot] = 0;
            }

            _counts[slot]++;
            var rate = CountInWindow(bucket) / Window.TotalSeconds;
            var storm = rate > Threshold;
            if (storm && !_inStorm)
            {
                started = new ReconnectStormEventArgs(rate, Window, Threshold);
            }

            _inStorm = storm;
        }

        if (started is not null)
        {
            StormDetected?.Invoke(this, started);
        }
    }

    private long CurrentBucket() => _timeProvider.GetElapsedTime(_origin).Ticks / _bucketTicks;

    private int CountInWindow(long currentBucket)
    {
        var total = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            if (_bucketIds[i] > currentBucket - BucketCount)
            {
                total += _counts[i];
            }
        }

        return total;
    }
}
