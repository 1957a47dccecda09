namespace WsAnalyzers.Cli.Proxy;

/// <summary>
/// The proxy rules' IDs: WSP + four digits, so they cannot be taken for the analyzers' WS IDs. WSP1xxx nginx,
/// WSP2xxx HAProxy, WSP3xxx YARP.
/// </summary>
internal static class ProxyRuleIds
{
    public const string NginxHttpVersion = "WSP1001";
    public const string NginxUpgradeHeader = "WSP1002";
    public const string NginxConnectionHeader = "WSP1003";
    public const string NginxReadTimeout = "WSP1004";
    public const string NginxBuffering = "WSP1005";
    public const string NginxAffinity = "WSP1006";

    public const string HAProxyNoTunnelTimeout = "WSP2001";
    public const string HAProxyShortTunnelTimeout = "WSP2002";
    public const string HAProxyStickiness = "WSP2003";

    public const string YarpActivityTimeout = "WSP3001";
    public const string YarpVersionPolicy = "WSP3002";
    public const string YarpAffinity = "WSP3003";
}
