using System.Collections.Generic;
using System.Linq;
using WsAnalyzers.Cli.Proxy.Yarp.Rules;

namespace WsAnalyzers.Cli.Proxy.Yarp;

/// <summary>Runs every YARP rule over the clusters of one configuration.</summary>
internal static class YarpChecker
{
    private static readonly IYarpRule[] Rules = [new ActivityTimeoutRule(), new VersionPolicyRule(), new AffinityRule()];

    public static IEnumerable<ProxyIssue> Check(YarpConfig config, ProxySettings settings) =>
        Rules.SelectMany(rule => rule.Check(config, settings));
}
