namespace ReconnectStorm;

/// <summary>How the server goes away for the downtime and what it answers meanwhile.</summary>
internal enum OutageKind
{
    /// <summary>A crash: every connection aborted (no Close frame), every upgrade answered 503 without a hint.</summary>
    CrashNoHints,

    /// <summary>
    /// The same crash, but the 503s carry a Retry-After: the time left of the downtime, spread at the hub's admission
    /// rate (clients that ignore Retry-After see the same 503s).
    /// </summary>
    CrashWithRetryAfter,

    /// <summary>
    /// A planned restart: the hub drains (every connection closed with 1001 and a delay hint, one after the other),
    /// then answers 503 with Retry-After until it is back. The hints only mean something to our client.
    /// </summary>
    RestartWithHints,
}
