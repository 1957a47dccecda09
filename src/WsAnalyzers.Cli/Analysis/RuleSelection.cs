using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Cli.Analysis;

/// <summary>--severity, --rules and --exclude-rules: which findings are reported at all.</summary>
internal sealed class RuleSelection
{
    private readonly DiagnosticSeverity _minimum;
    private readonly IReadOnlyList<string> _include;
    private readonly IReadOnlyList<string> _exclude;

    /// <param name="catalogue">The rules the patterns must match (default: the analyzer rules).</param>
    public RuleSelection(string? minimumSeverity, IEnumerable<string>? include, IEnumerable<string>? exclude, IEnumerable<DiagnosticDescriptor>? catalogue = null)
    {
        _minimum = SeverityNames.Parse(minimumSeverity ?? "info");
        _include = Split(include);
        _exclude = Split(exclude);
        foreach (var pattern in _include.Concat(_exclude))
        {
            if (!(catalogue ?? AnalyzerCatalog.Rules).Any(rule => Matches(pattern, rule.Id)))
            {
                throw new CliException($"no rule matches '{pattern}': see 'wsanalyzers rules'");
            }
        }
    }

    public bool IsSelected(string ruleId) =>
        (_include.Count == 0 || _include.Any(p => Matches(p, ruleId))) && !_exclude.Any(p => Matches(p, ruleId));

    public bool IsReported(Finding finding) => finding.Severity >= _minimum && IsSelected(finding.RuleId);

    public bool IsReported(Diagnostic diagnostic) => diagnostic.Severity >= _minimum && IsSelected(diagnostic.Id);

    /// <summary>An exact ID (WS3001) or a prefix ending in '*' (WS3*).</summary>
    private static bool Matches(string pattern, string id) =>
        pattern.EndsWith('*')
            ? id.StartsWith(pattern[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, id, StringComparison.OrdinalIgnoreCase);

    private static List<string> Split(IEnumerable<string>? values) =>
        (values ?? [])
            .SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();
}
