using WsAnalyzers.RealWorld.Labels;

namespace WsAnalyzers.RealWorld.Analysis;

/// <summary>One label and how it fared, with the compilation that judged it.</summary>
public sealed record LabelResult(Label Label, Outcome Outcome, string Compilation, string? Note);
