using System.Collections.Generic;

namespace WsAnalyzers.Cli.Proxy.Nginx.Rules;

/// <summary>WSP1002: the client's Upgrade header is not passed to the upstream.</summary>
internal sealed class UpgradeHeaderRule : INginxRule
{
    private const string Fixed = "proxy_set_header Upgrade $http_upgrade;";

    public IEnumerable<ProxyIssue> Check(NginxConfig config, IReadOnlyList<NginxProxyPass> proxyPasses, ProxySettings settings)
    {
        foreach (var proxyPass in proxyPasses)
        {
            var (inForce, hidden) = proxyPass.Headers();
            var upgrade = NginxProxyPass.Header(inForce, "Upgrade");
            if (upgrade is not null && upgrade.Argument(1).Length > 0)
            {
                continue;
            }

            var severity = NginxIssues.HeaderSeverity(proxyPass);
            var breaks = $"Upgrade is a hop-by-hop header that nginx does not forward, so the application sees a plain GET and every WebSocket handshake through {proxyPass.Where} fails with no 101{NginxIssues.Because(proxyPass)}";
            if (upgrade is not null && proxyPass.IsLocal(upgrade))
            {
                yield return NginxIssues.At(upgrade, ProxyRuleIds.NginxUpgradeHeader, severity,
                    $"'{upgrade.Text}' clears the header: {breaks}; use '{Fixed}'",
                    NginxEdits.ReplaceDirective(upgrade, Fixed));
                continue;
            }

            var shadowed = NginxProxyPass.Header(hidden, "Upgrade");
            var why = shadowed is not null && inForce.Count > 0
                ? $"'{shadowed.Text}' on line {shadowed.Line} is not inherited because the nearer proxy_set_header on line {inForce[0].Line} replaces all inherited ones"
                : "no 'proxy_set_header Upgrade'";
            yield return NginxIssues.At(proxyPass.Directive, ProxyRuleIds.NginxUpgradeHeader, severity,
                $"'{proxyPass.Directive.Text}' with {why}: {breaks}; add '{Fixed}'",
                proxyPass.InsertAfterProxyPass(Fixed));
        }
    }
}
