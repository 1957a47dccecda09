using System.Collections.Generic;

namespace WsAnalyzers.RealWorld.Analysis;

/// <summary>Everything one run found: per label, per compilation, per rule, and the unlabelled diagnostics in labelled files.</summary>
public sealed record EvaluationResult(
    string AnalyzerVersion,
    IReadOnlyList<LabelResult> Labels,
    IReadOnlyList<CompilationResult> Compilations,
    IReadOnlyList<UnlabelledDiagnostic> Unlabelled,
    IReadOnlyList<RuleScore> Rules,
    RuleScore Implemented,
    RuleScore NotImplemented,
    IReadOnlyList<string> Problems)
{
    public int AnalyzerFailures
    {
        get
        {
            var count = 0;
            foreach (var c in Compilations)
            {
                count += c.AnalyzerFailures.Count;
            }

            return count;
        }
    }
}
