namespace WsAnalyzers.RealWorld.Analysis;

/// <summary>How a label fared.</summary>
public enum Outcome
{
    /// <summary>A bug label with a diagnostic of its rule on its line.</summary>
    Found,

    /// <summary>A bug label without one.</summary>
    Missed,

    /// <summary>A clean label without one.</summary>
    Clean,

    /// <summary>A clean label with one: a false positive.</summary>
    FalselyFlagged,

    /// <summary>The labelled file could not be materialised or compiled at all.</summary>
    NotEvaluated,
}
