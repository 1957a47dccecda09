using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Cli.Analysis;

namespace WsAnalyzers.Cli.Reporting;

/// <summary>What `analyze` found, after --severity, --rules, --baseline and --diff, and what those filters hid.</summary>
internal sealed record AnalysisResult(
    IReadOnlyList<Finding> Findings,
    string SourceRoot,
    int ProjectCount,
    int HiddenByBaseline,
    int OutsideDiff)
{
    public int Count(DiagnosticSeverity severity) => Findings.Count(f => f.Severity == severity);
}
