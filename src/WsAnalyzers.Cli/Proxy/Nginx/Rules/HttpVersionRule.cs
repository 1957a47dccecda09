using System.Collections.Generic;

namespace WsAnalyzers.Cli.Proxy.Nginx.Rules;

/// <summary>WSP1001: no `proxy_http_version 1.1` where a proxy_pass may carry WebSockets.</summary>
internal sealed class HttpVersionRule : INginxRule
{
    private const string Fixed = "proxy_http_version 1.1;";

    public IEnumerable<ProxyIssue> Check(NginxConfig config, IReadOnlyList<NginxProxyPass> proxyPasses, ProxySettings settings)
    {
        foreach (var proxyPass in proxyPasses)
        {
            var version = proxyPass.Effective("proxy_http_version");
            if (version is not null && version.Argument(0) == "1.1")
            {
                continue;
            }

            var severity = NginxIssues.HeaderSeverity(proxyPass);
            var breaks = $"nginx talks HTTP/1.0 to the upstream, which has no protocol upgrade: every WebSocket handshake through {proxyPass.Where} fails{NginxIssues.Because(proxyPass)}";
            if (version is not null && proxyPass.IsLocal(version))
            {
                yield return NginxIssues.At(version, ProxyRuleIds.NginxHttpVersion, severity,
                    $"'{version.Text}': {breaks.Replace("HTTP/1.0", $"HTTP/{version.Argument(0)}")}; use '{Fixed}'",
                    NginxEdits.ReplaceArgument(version, 0, "1.1"));
                continue;
            }

            var inherited = version is null ? "no proxy_http_version (default 1.0)" : $"'{version.Text}' inherited from line {version.Line}";
            yield return NginxIssues.At(proxyPass.Directive, ProxyRuleIds.NginxHttpVersion, severity,
                $"'{proxyPass.Directive.Text}' with {inherited}: {breaks}; add '{Fixed}'",
                proxyPass.InsertAfterProxyPass(Fixed));
        }
    }
}
