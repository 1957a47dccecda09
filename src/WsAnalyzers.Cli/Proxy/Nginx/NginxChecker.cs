using System.Collections.Generic;
using System.Linq;
using WsAnalyzers.Cli.Proxy.Nginx.Rules;

namespace WsAnalyzers.Cli.Proxy.Nginx;

/// <summary>Runs every nginx rule over a parsed configuration.</summary>
internal static class NginxChecker
{
    private static readonly INginxRule[] Rules =
    [
        new HttpVersionRule(),
        new UpgradeHeaderRule(),
        new ConnectionHeaderRule(),
        new ReadTimeoutRule(),
        new BufferingRule(),
        new AffinityRule(),
    ];

    public static IEnumerable<ProxyIssue> Check(NginxConfig config, ProxySettings settings)
    {
        var proxyPasses = NginxProxyPass.All(config).ToList();
        return Rules.SelectMany(rule => rule.Check(config, proxyPasses, settings));
    }
}
