using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace WsReliability.AspNetCore.Diagnostics;

/// <summary>
/// Reports the anomalies of the classic WebSocket alert rules: disconnect rate above 10 % (degraded), handler lag
/// above 100 ms (degraded), memory above the limit (unhealthy). Thresholds are in <see cref="WebSocketHubHealthOptions"/>.
/// </summary>
public sealed class WebSocketHubHealthCheck : IHealthCheck
{
    private readonly WebSocketHub _hub;
    private readonly HubStatistics _statistics;
    private readonly WebSocketHubHealthOptions _thresholds;

    internal WebSocketHubHealthCheck(WebSocketHub hub, HubStatistics statistics, IOptions<WebSocketHubOptions> options)
    {
        _hub = hub;
        _statistics = statistics;
        _thresholds = options.Value.Health;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var active = _hub.Connections.Count;
        var ended = _statistics.DisconnectsInWindow;
        var abnormal = _statistics.AbnormalDisconnectsInWindow;
        var seen = active + ended;
        var disconnectRate = seen == 0 ? 0 : (double)abnormal / seen;
        var lag = _statistics.MeanHandlerLag;
        var memory = GC.GetTotalMemory(forceFullCollection: false);

        var data = new Dictionary<string, object>
        {
            ["active_connections"] = active,
            ["disconnects_in_window"] = ended,
            ["abnormal_disconnects_in_window"] = abnormal,
            ["disconnect_rate"] = disconnectRate,
            ["mean_handler_lag_ms"] = lag?.TotalMilliseconds ?? 0,
            ["managed_memory_bytes"] = memory,
        };

        var problems = new List<string>();
        var status = HealthStatus.Healthy;
        if (memory > _thresholds.MaxMemoryBytes)
        {
            problems.Add($"memory {memory / (1024 * 1024)} MiB is above {_thresholds.MaxMemoryBytes / (1024 * 1024)} MiB");
            status = HealthStatus.Unhealthy;
        }

        if (seen >= _thresholds.MinConnectionsForDisconnectRate && disconnectRate > _thresholds.MaxDisconnectRate)
        {
            problems.Add($"disconnect rate {disconnectRate:P0} is above {_thresholds.MaxDisconnectRate:P0}");
            status = Worst(status, HealthStatus.Degraded);
        }

        if (lag > _thresholds.MaxHandlerLag)
        {
            problems.Add($"handler lag {lag.Value.TotalMilliseconds:F0} ms is above {_thresholds.MaxHandlerLag.TotalMilliseconds:F0} ms");
            status = Worst(status, HealthStatus.Degraded);
        }

        var description = problems.Count == 0 ? $"{active} connections, no anomaly" : string.Join("; ", problems);
        return Task.FromResult(new HealthCheckResult(status, description, data: data));
    }

    private static HealthStatus Worst(HealthStatus a, HealthStatus b) => a < b ? a : b;
}
