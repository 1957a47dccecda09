using System.Collections.Generic;
using System.Linq;
using WsAnalyzers.Cli.Proxy.HAProxy.Rules;

namespace WsAnalyzers.Cli.Proxy.HAProxy;

/// <summary>Runs every HAProxy rule over a parsed configuration.</summary>
internal static class HAProxyChecker
{
    private static readonly IHAProxyRule[] Rules = [new TunnelTimeoutRule(), new StickinessRule()];

    public static IEnumerable<ProxyIssue> Check(HAProxyConfig config, ProxySettings settings)
    {
        var backends = HAProxyBackend.All(config).ToList();
        return Rules.SelectMany(rule => rule.Check(config, backends, settings));
    }
}
