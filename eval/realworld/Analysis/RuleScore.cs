namespace WsAnalyzers.RealWorld.Analysis;

/// <summary>The tally of one rule (or of all rules): bug labels found / missed, clean labels clean / falsely flagged.</summary>
public sealed record RuleScore(string Rule, bool Implemented, int Found, int Missed, int Clean, int FalselyFlagged, int NotEvaluated)
{
    public int Bugs => Found + Missed;

    public int Cleans => Clean + FalselyFlagged;

    /// <summary>Share of bug labels found; null without bug labels.</summary>
    public double? Recall => Bugs == 0 ? null : (double)Found / Bugs;

    /// <summary>Share of clean labels left clean; null without clean labels.</summary>
    public double? CleanShare => Cleans == 0 ? null : (double)Clean / Cleans;
}
