using Microsoft.CodeAnalysis;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Cli.Analysis;

/// <summary>One reported diagnostic, with everything the reports, the baseline and the diff filter need.</summary>
/// <param name="RelativePath">Path relative to the source root, with '/' separators.</param>
/// <param name="LineText">The trimmed source line of the start position: the baseline matches on it, not on the line number.</param>
internal sealed record Finding(
    string RuleId,
    DiagnosticSeverity Severity,
    string Message,
    string FilePath,
    string RelativePath,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string LineText,
    string Project)
{
    /// <summary>Stable identity for baselines and SARIF partialFingerprints; set once all findings are known.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    public DiagnosticDescriptor? Rule => AnalyzerCatalog.RulesById.TryGetValue(RuleId, out var rule) ? rule : Proxy.ProxyRuleCatalog.Find(RuleId);
}
