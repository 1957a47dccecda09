using System;
using System.Net.WebSockets;
using WsReliability.Protocol;

namespace WsReliability;

/// <summary>How a connection ended.</summary>
/// <param name="Status">The close code from the Close frame, or null when the connection ended without one (1006: abnormal closure).</param>
/// <param name="Description">The close reason from the Close frame, if any.</param>
/// <param name="Error">The exception that ended the connection (network error, keep-alive timeout, refused upgrade), if any.</param>
/// <param name="InitiatedByClient">True when this client sent the first Close frame (user close, oversize message).</param>
public sealed record CloseInfo(WebSocketCloseStatus? Status, string? Description, Exception? Error, bool InitiatedByClient)
{
    /// <summary>
    /// The delay the server asked for in its close reason (<c>"...; retry-after=2.5"</c>, docs/runtime.md), or null
    /// when it gave none. The client waits this long (plus a random part of
    /// <see cref="ReconnectOptions.RetryAfterJitter"/>) before reconnecting, instead of its own backoff delay.
    /// </summary>
    public TimeSpan? RetryAfter =>
        Status is not null && !InitiatedByClient && RetryAfterHint.TryParse(Description, out var delay) ? delay : null;

    internal static CloseInfo FromError(Exception error) => new(null, null, error, false);

    /// <inheritdoc />
    public override string ToString() =>
        Status is { } status
            ? $"{(int)status} {status}{(string.IsNullOrEmpty(Description) ? "" : ": " + Description)}"
            : "1006 abnormal closure" + (Error is null ? "" : ": " + Error.Message);
}
