using System.Collections.Generic;

namespace WsAnalyzers.Cli.Proxy.HAProxy;

/// <summary>A check of one mistake in an HAProxy configuration.</summary>
internal interface IHAProxyRule
{
    IEnumerable<ProxyIssue> Check(HAProxyConfig config, IReadOnlyList<HAProxyBackend> backends, ProxySettings settings);
}
