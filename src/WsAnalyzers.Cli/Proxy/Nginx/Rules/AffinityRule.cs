using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.Nginx.Rules;

/// <summary>
/// WSP1006: an upstream that serves WebSockets has several servers and no affinity (`ip_hash`, `hash`, `sticky`). The
/// fix adds `ip_hash` (replacing `least_conn` or `random`), except where a `backup` server forbids it.
/// </summary>
internal sealed class AffinityRule : INginxRule
{
    private static readonly string[] AffinityDirectives = ["ip_hash", "hash", "sticky", "sticky_cookie_insert"];
    private static readonly string[] OtherBalancers = ["least_conn", "random", "least_time"];

    public IEnumerable<ProxyIssue> Check(NginxConfig config, IReadOnlyList<NginxProxyPass> proxyPasses, ProxySettings settings)
    {
        foreach (var group in proxyPasses.Where(p => p.Upstream is not null).GroupBy(p => p.Upstream!))
        {
            var upstream = group.Key;
            var evidence = group.FirstOrDefault(p => p.ServesWebSockets);
            if (evidence is null || upstream.Block!.Any(d => AffinityDirectives.Contains(d.Name, StringComparer.Ordinal)))
            {
                continue;
            }

            var servers = upstream.Children("server")
                .Where(s => !s.Arguments.Skip(1).Any(a => a.Value is "backup" or "down"))
                .ToList();
            if (servers.Count < 2)
            {
                continue;
            }

            var balancer = upstream.Block!.FirstOrDefault(d => OtherBalancers.Contains(d.Name, StringComparer.Ordinal));
            var hasBackup = upstream.Children("server").Any(s => s.Arguments.Skip(1).Any(a => a.Value == "backup"));
            var fix = hasBackup
                ? []
                : balancer is not null
                    ? new[] { NginxEdits.ReplaceDirective(balancer, "ip_hash;") }
                    : [NginxEdits.InsertFirst(upstream, "ip_hash;")];
            var howToFix = hasBackup
                ? "add 'hash $remote_addr consistent;' after removing the backup server (nginx refuses 'backup' with hash balancing), or use a backplane and make the application stateless"
                : balancer is not null ? $"replace '{balancer.Text}' with 'ip_hash;'" : "add 'ip_hash;'";
            var balancing = balancer is null ? "round-robin" : balancer.Name;
            yield return NginxIssues.At(upstream, ProxyRuleIds.NginxAffinity, DiagnosticSeverity.Warning,
                $"'upstream {upstream.Argument(0)}' balances {servers.Count} servers {balancing} with no affinity, and {evidence.WebSocketEvidence} says it serves WebSockets: " +
                "a client's negotiate request, its WebSocket and its reconnects land on different servers, which breaks SignalR without a backplane and any server-side session; " +
                howToFix,
                fix);
        }
    }
}
