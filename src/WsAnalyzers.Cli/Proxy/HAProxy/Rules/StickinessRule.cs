using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.HAProxy.Rules;

/// <summary>
/// WSP2003: a backend that serves WebSockets balances several servers with no stickiness: no hash-based `balance`
/// (source, uri, url_param, hdr, rdp-cookie, hash), no `stick on` / `stick match`, no `cookie` persistence.
/// </summary>
internal sealed class StickinessRule : IHAProxyRule
{
    private static readonly string[] StickyBalance = ["source", "uri", "url_param", "rdp-cookie", "hash"];

    public IEnumerable<ProxyIssue> Check(HAProxyConfig config, IReadOnlyList<HAProxyBackend> backends, ProxySettings settings)
    {
        foreach (var backend in backends)
        {
            var servers = backend.ActiveServers;
            if (!backend.ServesWebSockets || servers < 2)
            {
                continue;
            }

            var balance = backend.Section.Setting("balance");
            var method = balance?.Word(1).ToLowerInvariant() ?? "roundrobin";
            var sticky = StickyBalance.Contains(method.Split('(')[0], StringComparer.Ordinal) || method.StartsWith("hdr(", StringComparison.Ordinal)
                         || backend.Section.Lines.Any(l => l.Keyword is "stick" or "cookie")
                         || backend.Section.Setting("cookie") is not null;
            if (sticky)
            {
                continue;
            }

            const string fixedDirective = "balance source";
            var local = balance is not null && backend.IsLocal(balance);
            yield return HAProxyIssues.At(local ? balance! : backend.Section.Header, ProxyRuleIds.HAProxyStickiness, DiagnosticSeverity.Warning,
                $"{backend.Section.Title} balances {servers} servers {method} with no stickiness, and {backend.WebSocketEvidence} says it serves WebSockets: " +
                "a client's negotiate request, its WebSocket and its reconnects land on different servers, which breaks SignalR without a backplane and any server-side session; " +
                $"{(local ? "use" : "add")} '{fixedDirective}' (or cookie persistence: 'cookie SERVERID insert indirect nocache' and a 'cookie' on each server)",
                local ? HAProxyBackend.ReplaceLine(balance!, fixedDirective) : backend.InsertLine(fixedDirective));
        }
    }
}
