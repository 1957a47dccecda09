using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.Nginx;

internal static class NginxIssues
{
    public const string Proxy = "nginx";

    /// <summary>A finding on a directive: a simple directive's whole text, or a block's head up to its '{'.</summary>
    public static ProxyIssue At(NginxDirective directive, string ruleId, DiagnosticSeverity severity, string message, params TextEdit[] fix)
    {
        var start = directive.NameToken.Offset;
        var end = directive.Block is null ? directive.End : directive.OpenBrace!.Offset;
        if (directive.File.Position(end).Line != directive.Line)
        {
            end = directive.NameToken.End;
        }

        return new ProxyIssue(ruleId, severity, message, directive.File, start, end - start, Proxy, fix);
    }

    /// <summary>The header rules report every proxy_pass; without WebSocket evidence only as info.</summary>
    public static DiagnosticSeverity HeaderSeverity(NginxProxyPass proxyPass) =>
        proxyPass.ServesWebSockets ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info;

    public static string Because(NginxProxyPass proxyPass) =>
        proxyPass.ServesWebSockets ? $" ({proxyPass.WebSocketEvidence} says it serves WebSockets)" : " (if it serves WebSockets)";
}
