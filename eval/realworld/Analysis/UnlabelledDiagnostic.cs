namespace WsAnalyzers.RealWorld.Analysis;

/// <summary>A diagnostic in a labelled file on a line no label of its rule covers: a new label to decide, or a false positive.</summary>
public sealed record UnlabelledDiagnostic(string Repo, string Path, int Line, string Rule, string Message, string Code);
