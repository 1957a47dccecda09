using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.Yarp.Rules;

/// <summary>
/// WSP3001: a WebSocket cluster's HttpRequest.ActivityTimeout (100 s by default) is shorter than twice the application's
/// keep-alive interval. YARP cancels an upgraded request after that long without traffic; WebSocket pings reset it.
/// </summary>
internal sealed class ActivityTimeoutRule : IYarpRule
{
    private static readonly TimeSpan Default = TimeSpan.FromSeconds(100);

    public IEnumerable<ProxyIssue> Check(YarpConfig config, ProxySettings settings)
    {
        foreach (var cluster in config.Clusters)
        {
            if (cluster.WebSocketEvidence is not { } evidence)
            {
                continue;
            }

            var configured = cluster.ActivityTimeout;
            var value = configured is null ? Default : Durations.ParseTimeSpan(configured.Value);
            if (value is not { } timeout || timeout >= settings.MinimumIdleTimeout)
            {
                continue;
            }

            var fixedValue = settings.MinimumIdleTimeout.ToString("c", CultureInfo.InvariantCulture);
            var breaks = $"YARP cancels a WebSocket of {cluster.Title} after {Durations.Describe(timeout)} without traffic, and {evidence} says it serves WebSockets, " +
                         $"but the application's keep-alive interval is {settings.KeepAliveText}: idle connections drop and every client reconnects";
            var fix = cluster.IsCode ? "set ActivityTimeout = TimeSpan.Parse(\"" + fixedValue + "\") in its ForwarderRequestConfig" : $"set \"HttpRequest\": {{ \"ActivityTimeout\": \"{fixedValue}\" }}";
            if (configured is not null)
            {
                yield return YarpIssues.At(configured, ProxyRuleIds.YarpActivityTimeout, DiagnosticSeverity.Warning,
                    $"ActivityTimeout {configured.Value}: {breaks}; {fix} (twice the keep-alive interval)",
                    configured.Json is null ? [] : [YarpEdits.Replace(configured, $"\"{fixedValue}\"")]);
                continue;
            }

            yield return YarpIssues.At(cluster, ProxyRuleIds.YarpActivityTimeout, DiagnosticSeverity.Warning,
                $"{cluster.Title} has no HttpRequest.ActivityTimeout (default 100 s): {breaks}; {fix} (twice the keep-alive interval)",
                cluster.Json is null ? [] : [YarpEdits.Set(cluster.File, cluster.Json, "HttpRequest", "ActivityTimeout", $"\"{fixedValue}\"")]);
        }
    }
}
