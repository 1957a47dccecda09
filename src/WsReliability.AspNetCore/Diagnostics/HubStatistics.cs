using System;
using Microsoft.Extensions.Options;
using WsReliability.AspNetCore.Shared;

namespace WsReliability.AspNetCore.Diagnostics;

/// <summary>What the health check judges: disconnects and handler lag over a sliding window.</summary>
internal sealed class HubStatistics
{
    private const int Disconnects = 0;
    private const int AbnormalDisconnects = 1;
    private const int HandlerLagMs = 2;

    private readonly SlidingWindow _window;

    public HubStatistics(IOptions<WebSocketHubOptions> options, TimeProvider time)
    {
        _window = new SlidingWindow(options.Value.Health.Window, time);
    }

    public void ConnectionEnded(int closeStatus)
    {
        _window.Add(Disconnects, 1);
        if (!IsNormal(closeStatus))
        {
            _window.Add(AbnormalDisconnects, 1);
        }
    }

    public void HandlerStarted(TimeSpan lag) => _window.Add(HandlerLagMs, lag.TotalMilliseconds);

    public long DisconnectsInWindow => _window.Read(Disconnects).Count;

    public long AbnormalDisconnectsInWindow => _window.Read(AbnormalDisconnects).Count;

    /// <summary>Mean handler lag in the window, or null when no message was handled.</summary>
    public TimeSpan? MeanHandlerLag
    {
        get
        {
            var (sum, count) = _window.Read(HandlerLagMs);
            return count == 0 ? null : TimeSpan.FromMilliseconds(sum / count);
        }
    }

    /// <summary>1000 (normal) and 1001 (going away) are the ends of healthy connections; anything else is a drop.</summary>
    public static bool IsNormal(int closeStatus) => closeStatus is 1000 or 1001;
}
