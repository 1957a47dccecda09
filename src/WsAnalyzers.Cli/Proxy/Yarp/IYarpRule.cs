using System.Collections.Generic;

namespace WsAnalyzers.Cli.Proxy.Yarp;

/// <summary>A check of one mistake in a YARP configuration.</summary>
internal interface IYarpRule
{
    IEnumerable<ProxyIssue> Check(YarpConfig config, ProxySettings settings);
}
