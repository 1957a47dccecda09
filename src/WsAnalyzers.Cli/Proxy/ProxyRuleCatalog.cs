using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy;

/// <summary>
/// The proxy rules of `check-proxy`, described with the same descriptor type as the analyzer rules so the reports (text,
/// JSON, SARIF) and `rules` treat both alike. Default severities are those with evidence that the location serves
/// WebSockets; without it the header rules report as info.
/// </summary>
internal static class ProxyRuleCatalog
{
    private const string HelpBase = "https://github.com/wsanalyzers/wsanalyzers/blob/main/docs/rules/";

    public static ImmutableArray<DiagnosticDescriptor> Rules { get; } =
    [
        Rule(ProxyRuleIds.NginxHttpVersion, "WebSocket proxy without HTTP/1.1 to the upstream", "Nginx", DiagnosticSeverity.Warning,
            "nginx speaks HTTP/1.0 to upstreams unless proxy_http_version 1.1 is set; HTTP/1.0 has no protocol upgrade, so no WebSocket handshake reaches the application."),
        Rule(ProxyRuleIds.NginxUpgradeHeader, "Upgrade header not forwarded to the upstream", "Nginx", DiagnosticSeverity.Warning,
            "Upgrade is a hop-by-hop header that nginx does not pass on; without proxy_set_header Upgrade $http_upgrade the application sees a plain GET and refuses the WebSocket."),
        Rule(ProxyRuleIds.NginxConnectionHeader, "Connection header not set to upgrade", "Nginx", DiagnosticSeverity.Warning,
            "nginx sends Connection: close to upstreams; without proxy_set_header Connection \"upgrade\" (or a $connection_upgrade map) the handshake is not an upgrade request."),
        Rule(ProxyRuleIds.NginxReadTimeout, "Proxy read timeout shorter than the keep-alive interval", "Nginx", DiagnosticSeverity.Warning,
            "proxy_read_timeout (60 s by default) closes an upgraded connection when the upstream sends nothing for that long; it must outlast the application's keep-alive interval with a margin."),
        Rule(ProxyRuleIds.NginxBuffering, "Response buffering on for a WebSocket location", "Nginx", DiagnosticSeverity.Info,
            "proxy_buffering (on by default) holds back streamed responses: the Server-Sent Events and long-polling fallbacks of SignalR and Socket.IO stall behind it."),
        Rule(ProxyRuleIds.NginxAffinity, "WebSocket upstream with several servers and no affinity", "Nginx", DiagnosticSeverity.Warning,
            "Round-robin sends a client's negotiate request, its WebSocket and its reconnects to different servers; SignalR without a backplane and server-side sessions fail there."),
        Rule(ProxyRuleIds.HAProxyNoTunnelTimeout, "No timeout tunnel: idle WebSockets cut at the client or server timeout", "HAProxy", DiagnosticSeverity.Warning,
            "Without timeout tunnel, an upgraded connection is closed after timeout client / timeout server of silence, typically 30 to 50 seconds."),
        Rule(ProxyRuleIds.HAProxyShortTunnelTimeout, "Tunnel timeout shorter than the keep-alive interval", "HAProxy", DiagnosticSeverity.Warning,
            "timeout tunnel closes a WebSocket that is silent for that long; it must outlast the application's keep-alive interval with a margin."),
        Rule(ProxyRuleIds.HAProxyStickiness, "WebSocket backend with several servers and no stickiness", "HAProxy", DiagnosticSeverity.Warning,
            "Round-robin or leastconn sends a client's negotiate request, its WebSocket and its reconnects to different servers; SignalR without a backplane and server-side sessions fail there."),
        Rule(ProxyRuleIds.YarpActivityTimeout, "Activity timeout shorter than the keep-alive interval", "YARP", DiagnosticSeverity.Warning,
            "YARP cancels a proxied request, WebSockets included, after ActivityTimeout (100 s by default) without traffic; it must outlast the application's keep-alive interval with a margin."),
        Rule(ProxyRuleIds.YarpVersionPolicy, "HTTP version policy blocks WebSocket upgrades", "YARP", DiagnosticSeverity.Warning,
            "With VersionPolicy RequestVersionExact or RequestVersionOrHigher and Version 2 or 3, YARP may not fall back to an HTTP/1.1 upgrade: WebSockets fail on every destination without HTTP/2 WebSockets."),
        Rule(ProxyRuleIds.YarpAffinity, "WebSocket cluster with several destinations and no session affinity", "YARP", DiagnosticSeverity.Warning,
            "The load balancer sends a client's negotiate request, its WebSocket and its reconnects to different destinations; SignalR without a backplane and server-side sessions fail there."),
    ];

    public static IReadOnlyDictionary<string, DiagnosticDescriptor> RulesById { get; } = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>Rules whose findings `check-proxy --fix` can correct in the configuration file (not in code-configured YARP routes).</summary>
    public static bool HasFix(string id) => RulesById.ContainsKey(id);

    public static DiagnosticDescriptor? Find(string id) => RulesById.TryGetValue(id, out var rule) ? rule : null;

    private static DiagnosticDescriptor Rule(string id, string title, string category, DiagnosticSeverity severity, string description) =>
        new(id, title, "{0}", category, severity, isEnabledByDefault: true, description, HelpBase + id + ".md");
}
