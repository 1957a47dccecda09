using System;
using System.Net.WebSockets;

namespace WsReliability;

/// <summary>How a connection ended.</summary>
/// <param name="Status">The close code from the Close frame, or null when the connection ended without one (1006: abnormal closure).</param>
/// <param name="Description">The close reason from the Close frame, if any.</param>
/// <param name="Error">The exception that ended the connection (network error, keep-alive timeout), if any.</param>
/// <param name="InitiatedByClient">True when this client sent the first Close frame (user close, oversize message).</param>
public sealed record CloseInfo(WebSocketCloseStatus? Status, string? Description, Exception? Error, bool InitiatedByClient)
{
    internal static CloseInfo FromError(Exception error) => new(null, null, error, false);

    /// <inheritdoc />
    public override string ToString() =>
        Status is { } status
            ? $"{(int)status} {status}{(string.IsNullOrEmpty(Description) ? "" : ": " + Description)}"
            : "1006 abnormal closure" + (Error is null ? "" : ": " + Error.Message);
}
