using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.HAProxy;

internal static class HAProxyIssues
{
    public const string Proxy = "haproxy";

    public static ProxyIssue At(HAProxyLine line, string ruleId, DiagnosticSeverity severity, string message, params TextEdit[] fix) =>
        new(ruleId, severity, message, line.File, line.Words[0].Offset, line.Words[^1].End - line.Words[0].Offset, Proxy, fix);
}
