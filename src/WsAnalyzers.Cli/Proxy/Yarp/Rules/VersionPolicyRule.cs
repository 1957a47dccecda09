using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.Yarp.Rules;

/// <summary>
/// WSP3002: HttpRequest.VersionPolicy RequestVersionExact or RequestVersionOrHigher with Version 2 (the default) or 3
/// on a WebSocket cluster. YARP then sends every WebSocket as an HTTP/2 extended CONNECT (Version 2) and does not fall
/// back to an HTTP/1.1 upgrade, or fails it outright (Version 3): WebSockets are disabled on that cluster except to
/// destinations that accept WebSockets over HTTP/2.
/// </summary>
internal sealed class VersionPolicyRule : IYarpRule
{
    private const string Fixed = "RequestVersionOrLower";

    public IEnumerable<ProxyIssue> Check(YarpConfig config, ProxySettings settings)
    {
        foreach (var cluster in config.Clusters)
        {
            var policy = cluster.VersionPolicy;
            if (cluster.WebSocketEvidence is not { } evidence || policy is null ||
                !(policy.Value.Equals("RequestVersionExact", StringComparison.OrdinalIgnoreCase) || policy.Value.Equals("RequestVersionOrHigher", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var version = cluster.Version?.Value ?? "2";
            var major = version.TrimStart().Length > 0 && char.IsDigit(version.TrimStart()[0]) ? version.TrimStart()[0] - '0' : 2;
            if (major < 2)
            {
                continue;
            }

            var breaks = major >= 3
                ? "YARP cannot forward a WebSocket over HTTP/3 and the policy forbids HTTP/1.1, so every WebSocket handshake fails with 502"
                : "YARP forwards every WebSocket as an HTTP/2 extended CONNECT and the policy forbids falling back to an HTTP/1.1 upgrade, so the handshake fails (502) on every destination without WebSockets over HTTP/2 (RFC 8441), and on http:// destinations without prior-knowledge HTTP/2";
            yield return YarpIssues.At(policy, ProxyRuleIds.YarpVersionPolicy, DiagnosticSeverity.Warning,
                $"VersionPolicy {policy.Value} with Version {version} on {cluster.Title}, and {evidence} says it serves WebSockets: {breaks}; " +
                (cluster.IsCode ? $"use HttpVersionPolicy.{Fixed}" : $"use \"VersionPolicy\": \"{Fixed}\""),
                policy.Json is null ? [] : [YarpEdits.Replace(policy, $"\"{Fixed}\"")]);
        }
    }
}
