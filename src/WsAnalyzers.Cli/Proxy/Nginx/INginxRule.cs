using System.Collections.Generic;

namespace WsAnalyzers.Cli.Proxy.Nginx;

/// <summary>A check of one mistake in an nginx configuration.</summary>
internal interface INginxRule
{
    IEnumerable<ProxyIssue> Check(NginxConfig config, IReadOnlyList<NginxProxyPass> proxyPasses, ProxySettings settings);
}
