using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.Nginx.Rules;

/// <summary>
/// WSP1004: `proxy_read_timeout` (60 s by default) shorter than twice the application's keep-alive interval on a
/// WebSocket location. On an upgraded connection nginx arms the read timer whenever it waits for the upstream, so a
/// WebSocket on which the server sends nothing for that long is closed. `proxy_send_timeout` only runs while a write
/// to the upstream is blocked, not while the connection is idle, and is not reported.
/// </summary>
internal sealed class ReadTimeoutRule : INginxRule
{
    private const string Directive = "proxy_read_timeout";
    private static readonly System.TimeSpan Default = System.TimeSpan.FromSeconds(60);

    public IEnumerable<ProxyIssue> Check(NginxConfig config, IReadOnlyList<NginxProxyPass> proxyPasses, ProxySettings settings)
    {
        foreach (var proxyPass in proxyPasses)
        {
            if (!proxyPass.ServesWebSockets)
            {
                continue;
            }

            var timeout = proxyPass.Effective(Directive);
            var value = timeout is null ? Default : Durations.ParseNginx(timeout.Argument(0));
            if (value is not { } idle || idle >= settings.MinimumIdleTimeout)
            {
                continue;
            }

            var fixedDirective = $"{Directive} {Durations.Format(settings.MinimumIdleTimeout)};";
            var breaks = $"nginx closes a WebSocket through {proxyPass.Where} after {Durations.Describe(idle)} without data from the upstream, " +
                         $"but the application's keep-alive interval is {settings.KeepAliveText}: idle connections drop and every client reconnects";
            if (timeout is not null && proxyPass.IsLocal(timeout))
            {
                yield return NginxIssues.At(timeout, ProxyRuleIds.NginxReadTimeout, DiagnosticSeverity.Warning,
                    $"'{timeout.Text}': {breaks}; use '{fixedDirective}' (twice the keep-alive interval)",
                    NginxEdits.ReplaceArgument(timeout, 0, Durations.Format(settings.MinimumIdleTimeout)));
                continue;
            }

            var source = timeout is null ? "no proxy_read_timeout (default 60s)" : $"'{timeout.Text}' inherited from line {timeout.Line}";
            yield return NginxIssues.At(proxyPass.Directive, ProxyRuleIds.NginxReadTimeout, DiagnosticSeverity.Warning,
                $"'{proxyPass.Directive.Text}' with {source}: {breaks}; add '{fixedDirective}' (twice the keep-alive interval)",
                proxyPass.InsertAfterProxyPass(fixedDirective));
        }
    }
}
