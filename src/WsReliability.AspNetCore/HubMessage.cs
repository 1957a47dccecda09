using System;
using System.Net.WebSockets;
using System.Text;

namespace WsReliability.AspNetCore;

/// <summary>A message kept in the hub's history.</summary>
/// <param name="Sequence">Increases by one per recorded message, starting at 1; a reconnecting client asks for those after the last it saw.</param>
/// <param name="Timestamp">When it was recorded.</param>
/// <param name="MessageType">Text or binary.</param>
/// <param name="Payload">The bytes sent to clients.</param>
public sealed record HubMessage(long Sequence, DateTimeOffset Timestamp, WebSocketMessageType MessageType, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The payload decoded as UTF-8.</summary>
    public string Text => Encoding.UTF8.GetString(Payload.Span);
}
