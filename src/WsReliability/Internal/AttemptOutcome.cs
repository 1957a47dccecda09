using System;

namespace WsReliability.Internal;

internal enum AttemptResult
{
    /// <summary>The connect failed (refused, timed out, rejected upgrade).</summary>
    ConnectFailed,

    /// <summary>A connection opened, then was lost before it was stable: the backoff keeps growing.</summary>
    Lost,

    /// <summary>A stable connection was lost: the backoff starts again from the base delay.</summary>
    LostAfterStable,

    /// <summary>No reconnect: normal closure, the user's close, or the close hook said no.</summary>
    Final,
}

/// <summary>What one connection attempt came to. Not disposable on purpose: Polly disposes handled results.</summary>
internal readonly record struct AttemptOutcome(AttemptResult Result, CloseInfo? Close, Exception? Error)
{
    public static AttemptOutcome Failed(Exception error) => new(AttemptResult.ConnectFailed, null, error);

    public bool ShouldRetry => Result is AttemptResult.ConnectFailed or AttemptResult.Lost;
}
