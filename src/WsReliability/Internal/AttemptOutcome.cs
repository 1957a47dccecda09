using System;

namespace WsReliability.Internal;

internal enum AttemptResult
{
    /// <summary>The connect failed (refused, timed out, rejected upgrade that may succeed later).</summary>
    ConnectFailed,

    /// <summary>A connection opened, then was lost before it was stable: the backoff keeps growing.</summary>
    Lost,

    /// <summary>A stable connection was lost: the backoff starts again from the base delay.</summary>
    LostAfterStable,

    /// <summary>No reconnect: normal closure, the user's close, a refused upgrade that will not change, or the close hook said no.</summary>
    Final,
}

/// <summary>What one connection attempt came to. Not disposable on purpose: Polly disposes handled results.</summary>
/// <param name="Result">How the attempt ended.</param>
/// <param name="Close">How its connection ended, if one opened (or the refused upgrade that ends the client).</param>
/// <param name="Error">The failure, if any.</param>
/// <param name="ServerDelay">How long the server asked the client to wait (Retry-After, a close's delay hint), if it did.</param>
internal readonly record struct AttemptOutcome(AttemptResult Result, CloseInfo? Close, Exception? Error, TimeSpan? ServerDelay = null)
{
    public static AttemptOutcome Failed(Exception error, TimeSpan? serverDelay = null) =>
        new(AttemptResult.ConnectFailed, null, error, serverDelay);

    public bool ShouldRetry => Result is AttemptResult.ConnectFailed or AttemptResult.Lost;
}
