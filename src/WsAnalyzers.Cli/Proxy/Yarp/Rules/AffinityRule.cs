using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.Yarp.Rules;

/// <summary>WSP3003: a WebSocket cluster with several destinations and SessionAffinity not enabled.</summary>
internal sealed class AffinityRule : IYarpRule
{
    private const string Fixed = "\"SessionAffinity\": { \"Enabled\": true, \"Policy\": \"Cookie\", \"AffinityKeyName\": \".Yarp.Affinity\" }";

    public IEnumerable<ProxyIssue> Check(YarpConfig config, ProxySettings settings)
    {
        foreach (var cluster in config.Clusters)
        {
            if (cluster.WebSocketEvidence is not { } evidence || cluster.Destinations < 2 || YarpCluster.IsTrue(cluster.AffinityEnabled) ||
                string.Equals(cluster.LoadBalancingPolicy, "FirstAlphabetical", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var message = $"{cluster.Title} balances {cluster.Destinations} destinations with no session affinity, and {evidence} says it serves WebSockets: " +
                          "a client's negotiate request, its WebSocket and its reconnects land on different destinations, which breaks SignalR without a backplane and any server-side session; " +
                          (cluster.IsCode ? "set SessionAffinity = new SessionAffinityConfig { Enabled = true, Policy = \"Cookie\", AffinityKeyName = \".Yarp.Affinity\" }" : $"add {Fixed}");
            if (cluster.AffinityEnabled is { Json: not null } disabled)
            {
                yield return YarpIssues.At(disabled, ProxyRuleIds.YarpAffinity, DiagnosticSeverity.Warning, message.Replace("add " + Fixed, "set \"Enabled\": true", StringComparison.Ordinal),
                    YarpEdits.Replace(disabled, "true"));
                continue;
            }

            yield return YarpIssues.At(cluster, ProxyRuleIds.YarpAffinity, DiagnosticSeverity.Warning, message,
                cluster.Json is null || cluster.Json["SessionAffinity"] is not null ? [] : [YarpEdits.InsertProperty(cluster.File, cluster.Json, Fixed)]);
        }
    }
}
