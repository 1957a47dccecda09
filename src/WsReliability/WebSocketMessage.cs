using System;
using System.Net.WebSockets;
using System.Text;

namespace WsReliability;

/// <summary>One whole received message (all its fragments).</summary>
/// <param name="Type">Text or binary.</param>
/// <param name="Data">The payload; owned by the receiver.</param>
public sealed record WebSocketMessage(WebSocketMessageType Type, ReadOnlyMemory<byte> Data)
{
    /// <summary>The payload decoded as UTF-8.</summary>
    public string Text => Encoding.UTF8.GetString(Data.Span);
}
