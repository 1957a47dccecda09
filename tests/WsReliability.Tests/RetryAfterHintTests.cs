using System;
using System.Net.WebSockets;
using System.Text;
using WsReliability.Protocol;

namespace WsReliability.Tests;

/// <summary>The delay hint in a close reason: what the hub writes, the client reads (the same source compiles into both).</summary>
public sealed class RetryAfterHintTests
{
    [Theory]
    [InlineData(0, "retry-after=0")]
    [InlineData(2.5, "retry-after=2.5")]
    [InlineData(12.3456, "retry-after=12.346")]
    public void The_hint_is_written_in_seconds_with_at_most_three_decimals(double seconds, string expected)
    {
        Assert.Equal(expected, RetryAfterHint.Format(null, TimeSpan.FromSeconds(seconds)));
        Assert.Equal("Slow consumer; " + expected, RetryAfterHint.Format("Slow consumer", TimeSpan.FromSeconds(seconds)));
    }

    [Theory]
    [InlineData("retry-after=7", 7.0)]
    [InlineData("Server going away; retry-after=10.25", 10.25)]
    [InlineData("Too many connections, RETRY-AFTER=3", 3.0)]
    public void A_hint_is_read_wherever_it_stands(string reason, double seconds)
    {
        Assert.True(RetryAfterHint.TryParse(reason, out var delay));
        Assert.Equal(TimeSpan.FromSeconds(seconds), delay);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("going away")]
    [InlineData("noretry-after=5")]
    [InlineData("retry-after=")]
    [InlineData("retry-after=-5")]
    [InlineData("retry-after=1e999")]
    public void No_hint_is_read_from_a_reason_without_a_valid_one(string? reason)
    {
        Assert.False(RetryAfterHint.TryParse(reason, out _));
    }

    [Fact]
    public void A_long_text_is_shortened_so_the_reason_fits_a_close_frame_and_keeps_its_hint()
    {
        var reason = RetryAfterHint.Format(new string('é', 200), TimeSpan.FromSeconds(4.5));

        Assert.True(Encoding.UTF8.GetByteCount(reason) <= 123, $"{Encoding.UTF8.GetByteCount(reason)} bytes");
        Assert.EndsWith("; retry-after=4.5", reason);
        Assert.True(RetryAfterHint.TryParse(reason, out var delay));
        Assert.Equal(TimeSpan.FromSeconds(4.5), delay);
    }

    [Fact]
    public void Only_a_close_the_server_sent_carries_a_hint_for_the_client()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), new CloseInfo(CloseCodePolicy.TryAgainLater, "busy; retry-after=2", null, false).RetryAfter);
        Assert.Null(new CloseInfo(CloseCodePolicy.TryAgainLater, "busy; retry-after=2", null, InitiatedByClient: true).RetryAfter);
        Assert.Null(new CloseInfo(WebSocketCloseStatus.EndpointUnavailable, "going away", null, false).RetryAfter);
        Assert.Null(new CloseInfo(null, null, new WebSocketException(), false).RetryAfter);
    }
}
