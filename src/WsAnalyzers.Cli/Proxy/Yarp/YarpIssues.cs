using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.Yarp;

internal static class YarpIssues
{
    public const string Proxy = "yarp";

    public static ProxyIssue At(YarpSetting setting, string ruleId, DiagnosticSeverity severity, string message, params TextEdit[] fix) =>
        new(ruleId, severity, message, setting.File, setting.Offset, setting.Length, Proxy, fix);

    public static ProxyIssue At(YarpCluster cluster, string ruleId, DiagnosticSeverity severity, string message, params TextEdit[] fix) =>
        new(ruleId, severity, message, cluster.File, cluster.Offset, cluster.Length, Proxy, fix);
}
