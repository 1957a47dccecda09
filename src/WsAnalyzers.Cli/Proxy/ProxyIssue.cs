using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy;

/// <summary>
/// One mistake in a proxy configuration: the rule, where (file, line, the directive's span), the message (what breaks and
/// the fixed directive) and the edits that fix it, when the rule can fix it there.
/// </summary>
internal sealed record ProxyIssue(
    string RuleId,
    DiagnosticSeverity Severity,
    string Message,
    ConfigFile File,
    int Offset,
    int Length,
    string Proxy,
    params TextEdit[] Fix);
