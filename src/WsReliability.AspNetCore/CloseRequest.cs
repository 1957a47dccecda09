using System.Net.WebSockets;

namespace WsReliability.AspNetCore;

/// <summary>How a connection is to be closed; the first request wins.</summary>
/// <param name="Status">The close code the server sends (or echoes).</param>
/// <param name="Description">The close reason (with a delay hint where the hub asks the client to wait).</param>
/// <param name="ServerInitiated">True when the hub decided to close (the status is then the one reported).</param>
/// <param name="Flush">True when the messages queued before the request are sent before the Close frame.</param>
internal sealed record CloseRequest(WebSocketCloseStatus Status, string? Description, bool ServerInitiated, bool Flush);
