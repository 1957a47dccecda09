using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.HAProxy.Rules;

/// <summary>
/// WSP2001 and WSP2002: once a WebSocket is established HAProxy closes it after `timeout tunnel` of silence in both
/// directions, or, with no tunnel timeout, after `timeout client` / `timeout server`. Either must outlast twice the
/// application's keep-alive interval. Only for backends that serve WebSockets.
/// </summary>
internal sealed class TunnelTimeoutRule : IHAProxyRule
{
    public IEnumerable<ProxyIssue> Check(HAProxyConfig config, IReadOnlyList<HAProxyBackend> backends, ProxySettings settings)
    {
        foreach (var backend in backends)
        {
            if (!backend.ServesWebSockets)
            {
                continue;
            }

            var minimum = settings.MinimumIdleTimeout;
            var fixedLine = $"timeout tunnel {Durations.Format(minimum)}";
            var because = $"{backend.WebSocketEvidence} says it serves WebSockets, and the application's keep-alive interval is {settings.KeepAliveText}";
            if (backend.TunnelTimeout is { } tunnel)
            {
                if (tunnel.Value >= minimum)
                {
                    continue;
                }

                var message = $"'{tunnel.Line.Text}' closes WebSockets of {backend.Section.Title} after {Durations.Describe(tunnel.Value)} of silence; {because}: idle connections drop and every client reconnects; use '{fixedLine}' (twice the keep-alive interval)";
                yield return backend.IsLocal(tunnel.Line)
                    ? HAProxyIssues.At(tunnel.Line, ProxyRuleIds.HAProxyShortTunnelTimeout, DiagnosticSeverity.Warning, message, HAProxyBackend.ReplaceLine(tunnel.Line, fixedLine))
                    : HAProxyIssues.At(backend.Section.Header, ProxyRuleIds.HAProxyShortTunnelTimeout, DiagnosticSeverity.Warning,
                        message.Replace($"'{tunnel.Line.Text}'", $"'{tunnel.Line.Text}' (line {tunnel.Line.Line}, from the defaults)", StringComparison.Ordinal),
                        backend.InsertLine(fixedLine));
                continue;
            }

            // No tunnel timeout: the client and server timeouts stay in force on the tunnel.
            var client = backend.ClientTimeout;
            var server = backend.ServerTimeout;
            var cut = client is null ? server : server is null ? client : client.Value.Value <= server.Value.Value ? client : server;
            if (cut is not { } shortest || shortest.Value >= minimum)
            {
                continue;
            }

            yield return HAProxyIssues.At(backend.Section.Header, ProxyRuleIds.HAProxyNoTunnelTimeout, DiagnosticSeverity.Warning,
                $"{backend.Section.Title} has no 'timeout tunnel', so '{shortest.Line.Text}' (line {shortest.Line.Line}) closes its WebSockets after {Durations.Describe(shortest.Value)} of silence; " +
                $"{because}: idle connections drop and every client reconnects; add '{fixedLine}' (twice the keep-alive interval)",
                backend.InsertLine(fixedLine));
        }
    }
}
