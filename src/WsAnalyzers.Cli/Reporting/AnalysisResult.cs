using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Cli.Analysis;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Cli.Reporting;

/// <summary>What `analyze` found, after --severity, --rules, --baseline and --diff, and what those filters hid.</summary>
/// <param name="Unit">What <see cref="ProjectCount"/> counts: projects for analyze, files for check-proxy.</param>
/// <param name="RuleSet">The rules the SARIF report describes (default: the analyzer rules).</param>
internal sealed record AnalysisResult(
    IReadOnlyList<Finding> Findings,
    string SourceRoot,
    int ProjectCount,
    int HiddenByBaseline,
    int OutsideDiff,
    string Unit = "project",
    ImmutableArray<DiagnosticDescriptor> RuleSet = default)
{
    public ImmutableArray<DiagnosticDescriptor> Rules => RuleSet.IsDefault ? AnalyzerCatalog.Rules : RuleSet;

    public int Count(DiagnosticSeverity severity) => Findings.Count(f => f.Severity == severity);
}
