using System.Collections.Generic;

namespace WsAnalyzers.RealWorld.Analysis;

/// <summary>One compilation of the run: how many files and compiler errors (so a bad compile that hides findings is
/// visible), what could not be resolved, which stand-ins were used, and the analyzer failures (AD0001).</summary>
public sealed record CompilationResult(
    string Repo,
    string Name,
    int Files,
    int Errors,
    IReadOnlyList<string> FirstErrors,
    IReadOnlyList<string> Unresolved,
    IReadOnlyList<string> StandIns,
    IReadOnlyList<string> AnalyzerFailures);
