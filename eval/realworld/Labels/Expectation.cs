namespace WsAnalyzers.RealWorld.Labels;

/// <summary>What a label says the rule should do on its line.</summary>
public enum Expectation
{
    /// <summary>A real bug: the rule should report it on this line.</summary>
    Bug,

    /// <summary>A correct look-alike: the rule should stay silent on this line.</summary>
    Clean,
}
