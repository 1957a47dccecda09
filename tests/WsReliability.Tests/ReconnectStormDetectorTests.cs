using System;
using System.Collections.Generic;
using Microsoft.Extensions.Time.Testing;

namespace WsReliability.Tests;

public sealed class ReconnectStormDetectorTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Defaults_are_more_than_five_reconnects_per_second_over_ten_seconds()
    {
        var detector = new ReconnectStormDetector(timeProvider: _time);

        Assert.Equal(TimeSpan.FromSeconds(10), detector.Window);
        Assert.Equal(5, detector.Threshold);
    }

    [Fact]
    public void Fifty_reconnects_in_the_window_are_not_a_storm_and_fifty_one_are()
    {
        var detector = new ReconnectStormDetector(timeProvider: _time);
        var storms = new List<ReconnectStormEventArgs>();
        detector.StormDetected += (_, e) => storms.Add(e);

        Record(detector, 50, TimeSpan.FromMilliseconds(150));
        Assert.False(detector.IsStorm);
        Assert.Equal(5.0, detector.ReconnectsPerSecond, 3);
        Assert.Empty(storms);

        Record(detector, 1, TimeSpan.Zero);
        Assert.True(detector.IsStorm);
        var storm = Assert.Single(storms);
        Assert.Equal(5.1, storm.ReconnectsPerSecond, 3);
    }

    [Fact]
    public void The_window_slides_old_reconnects_out()
    {
        var detector = new ReconnectStormDetector(timeProvider: _time);

        Record(detector, 30, TimeSpan.Zero);
        _time.Advance(TimeSpan.FromSeconds(6));
        Record(detector, 30, TimeSpan.Zero);
        Assert.True(detector.IsStorm);
        Assert.Equal(6.0, detector.ReconnectsPerSecond, 3);

        _time.Advance(TimeSpan.FromSeconds(4.2));
        Assert.Equal(3.0, detector.ReconnectsPerSecond, 3);
        Assert.False(detector.IsStorm);

        _time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(0.0, detector.ReconnectsPerSecond, 3);
    }

    [Fact]
    public void A_storm_is_reported_once_until_it_ends_and_again_when_a_new_one_starts()
    {
        var detector = new ReconnectStormDetector(TimeSpan.FromSeconds(1), threshold: 2, _time);
        var storms = 0;
        detector.StormDetected += (_, _) => storms++;

        Record(detector, 10, TimeSpan.FromMilliseconds(10));
        Assert.Equal(1, storms);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(detector.IsStorm);
        Record(detector, 2, TimeSpan.FromMilliseconds(10));
        Assert.Equal(1, storms);

        Record(detector, 5, TimeSpan.FromMilliseconds(10));
        Assert.Equal(2, storms);
    }

    [Fact]
    public void A_slow_steady_reconnect_rate_never_becomes_a_storm()
    {
        var detector = new ReconnectStormDetector(timeProvider: _time);
        var storms = 0;
        detector.StormDetected += (_, _) => storms++;

        Record(detector, 600, TimeSpan.FromMilliseconds(250));

        Assert.Equal(0, storms);
        Assert.InRange(detector.ReconnectsPerSecond, 3.9, 4.1);
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectStormDetector(TimeSpan.FromMilliseconds(10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectStormDetector(threshold: 0));
    }

    private void Record(ReconnectStormDetector detector, int count, TimeSpan spacing)
    {
        for (var i = 0; i < count; i++)
        {
            detector.RecordReconnect();
            _time.Advance(spacing);
        }
    }
}
