using System;
using System.Collections.Generic;

namespace WsAnalyzers.Cli.Proxy.Yarp;

/// <summary>A YARP cluster as configured in appsettings.json or in code: what the rules need, with locations.</summary>
internal sealed class YarpCluster
{
    public required string Id { get; init; }

    public required ConfigFile File { get; init; }

    /// <summary>Where the cluster is declared: its property name in JSON, its `new ClusterConfig` in code.</summary>
    public required int Offset { get; init; }

    public required int Length { get; init; }

    /// <summary>The cluster's JSON object; null when it is configured in code (no fix there).</summary>
    public JsonNode? Json { get; init; }

    public int Destinations { get; init; }

    /// <summary>HttpRequest.ActivityTimeout, as written (a TimeSpan string, or a C# expression already converted to one).</summary>
    public YarpSetting? ActivityTimeout { get; init; }

    public YarpSetting? Version { get; init; }

    public YarpSetting? VersionPolicy { get; init; }

    public YarpSetting? AffinityEnabled { get; init; }

    public string? LoadBalancingPolicy { get; init; }

    public List<YarpRoute> Routes { get; } = [];

    public bool IsCode => Json is null;

    /// <summary>Why this cluster is taken to serve WebSockets, or null.</summary>
    public string? WebSocketEvidence
    {
        get
        {
            if (WebSocketHints.Matches(Id))
            {
                return $"the cluster name {Id}";
            }

            foreach (var route in Routes)
            {
                if (WebSocketHints.Matches(route.Path))
                {
                    return $"the path {route.Path} of route {route.Id}";
                }

                if (WebSocketHints.Matches(route.Id))
                {
                    return $"the route name {route.Id}";
                }

                foreach (var host in route.Hosts)
                {
                    if (WebSocketHints.Matches(host))
                    {
                        return $"the host {host} of route {route.Id}";
                    }
                }
            }

            return null;
        }
    }

    public string Title => $"cluster {Id}" + (IsCode ? " (configured in code)" : string.Empty);

    public static bool IsTrue(YarpSetting? setting) => setting is not null && string.Equals(setting.Value, "true", StringComparison.OrdinalIgnoreCase);
}
