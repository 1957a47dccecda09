using System;
using System.Net.WebSockets;

namespace WsReliability.AspNetCore;

/// <summary>A received message waiting in its connection's inbound queue for the handler.</summary>
internal readonly record struct InboundMessage(WebSocketMessageType MessageType, ReadOnlyMemory<byte> Payload, long ReceivedTimestamp, DateTimeOffset ReceivedAt);
