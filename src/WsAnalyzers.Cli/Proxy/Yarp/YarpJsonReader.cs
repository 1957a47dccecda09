using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace WsAnalyzers.Cli.Proxy.Yarp;

/// <summary>Reads the `ReverseProxy` section of an appsettings*.json file (Routes and Clusters as YARP binds them).</summary>
internal static class YarpJsonReader
{
    /// <summary>The file's clusters, or null when it has no ReverseProxy section.</summary>
    public static YarpConfig? Read(ConfigFile file)
    {
        var root = JsonNode.Parse(file);
        if (root.Kind != JsonValueKind.Object || root["ReverseProxy"] is not { Kind: JsonValueKind.Object } proxy)
        {
            return null;
        }

        var clusters = new List<YarpCluster>();
        if (proxy["Clusters"] is { Kind: JsonValueKind.Object } clusterNodes)
        {
            foreach (var (id, nameOffset, node) in clusterNodes.Properties.Where(p => p.Value.Kind == JsonValueKind.Object))
            {
                var request = node["HttpRequest"];
                var affinity = node["SessionAffinity"];
                clusters.Add(new YarpCluster
                {
                    Id = id,
                    File = file,
                    Offset = nameOffset,
                    Length = id.Length + 2,
                    Json = node,
                    Destinations = node["Destinations"]?.Properties.Count ?? 0,
                    ActivityTimeout = Setting(file, request?["ActivityTimeout"]),
                    Version = Setting(file, request?["Version"]),
                    VersionPolicy = Setting(file, request?["VersionPolicy"]),
                    AffinityEnabled = Setting(file, affinity?["Enabled"]),
                    LoadBalancingPolicy = node["LoadBalancingPolicy"]?.Text,
                });
            }
        }

        if (proxy["Routes"] is { Kind: JsonValueKind.Object } routeNodes)
        {
            foreach (var (id, _, node) in routeNodes.Properties.Where(p => p.Value.Kind == JsonValueKind.Object))
            {
                var match = node["Match"];
                var hosts = match?["Hosts"]?.Items.Select(h => h.Text).OfType<string>().ToList() ?? [];
                var route = new YarpRoute(id, node["ClusterId"]?.Text, match?["Path"]?.Text, hosts);
                clusters.FirstOrDefault(c => string.Equals(c.Id, route.ClusterId, StringComparison.OrdinalIgnoreCase))?.Routes.Add(route);
            }
        }

        return new YarpConfig([file], clusters);
    }

    private static YarpSetting? Setting(ConfigFile file, JsonNode? node) =>
        node?.Text is { } value ? new YarpSetting(value, file, node.Offset, node.End - node.Offset, node) : null;
}
