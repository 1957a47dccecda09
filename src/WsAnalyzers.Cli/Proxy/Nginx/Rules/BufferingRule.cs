using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.Nginx.Rules;

/// <summary>
/// WSP1005: `proxy_buffering` on (the default) for a WebSocket location. An upgraded connection is relayed unbuffered
/// either way; the buffering holds back the streamed fallbacks (Server-Sent Events, long polling) that SignalR and
/// Socket.IO use when the upgrade fails, hence info.
/// </summary>
internal sealed class BufferingRule : INginxRule
{
    private const string Fixed = "proxy_buffering off;";

    public IEnumerable<ProxyIssue> Check(NginxConfig config, IReadOnlyList<NginxProxyPass> proxyPasses, ProxySettings settings)
    {
        foreach (var proxyPass in proxyPasses)
        {
            if (!proxyPass.ServesWebSockets)
            {
                continue;
            }

            var buffering = proxyPass.Effective("proxy_buffering");
            if (buffering is not null && string.Equals(buffering.Argument(0), "off", StringComparison.Ordinal))
            {
                continue;
            }

            var breaks = $"nginx buffers the upstream's responses for {proxyPass.Where}, so the Server-Sent Events and long-polling fallbacks of SignalR or Socket.IO arrive late or not at all when the WebSocket cannot be used";
            if (buffering is not null && proxyPass.IsLocal(buffering))
            {
                yield return NginxIssues.At(buffering, ProxyRuleIds.NginxBuffering, DiagnosticSeverity.Info,
                    $"'{buffering.Text}': {breaks}; use '{Fixed}'", NginxEdits.ReplaceArgument(buffering, 0, "off"));
                continue;
            }

            var source = buffering is null ? "no proxy_buffering (default on)" : $"'{buffering.Text}' inherited from line {buffering.Line}";
            yield return NginxIssues.At(proxyPass.Directive, ProxyRuleIds.NginxBuffering, DiagnosticSeverity.Info,
                $"'{proxyPass.Directive.Text}' with {source}: {breaks}; add '{Fixed}'", proxyPass.InsertAfterProxyPass(Fixed));
        }
    }
}
