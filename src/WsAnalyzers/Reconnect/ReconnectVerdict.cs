namespace WsAnalyzers.Reconnect;

/// <summary>What the waits on a reconnect path amount to.</summary>
internal enum ReconnectVerdict
{
    /// <summary>Backoff with jitter, or a wait the analyzer cannot judge.</summary>
    Acceptable,

    /// <summary>No wait at all (WS1001).</summary>
    NoDelay,

    /// <summary>A constant, random-but-not-growing or growing-without-jitter wait (WS1002).</summary>
    NoBackoffWithJitter,
}
