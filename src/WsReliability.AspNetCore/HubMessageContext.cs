using System;
using System.Net.WebSockets;
using System.Text;

namespace WsReliability.AspNetCore;

/// <summary>A complete message received from a connection, as given to the handler.</summary>
public sealed class HubMessageContext
{
    internal HubMessageContext(HubConnection connection, WebSocketMessageType messageType, ReadOnlyMemory<byte> payload,
        DateTimeOffset receivedAt, TimeSpan handlerLag)
    {
        Connection = connection;
        MessageType = messageType;
        Payload = payload;
        ReceivedAt = receivedAt;
        HandlerLag = handlerLag;
    }

    /// <summary>The sender.</summary>
    public HubConnection Connection { get; }

    /// <summary>Text or binary.</summary>
    public WebSocketMessageType MessageType { get; }

    /// <summary>The assembled message (all fragments); the handler owns it.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    /// <summary>When its last fragment was received.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>How long it waited between receive and this handler call.</summary>
    public TimeSpan HandlerLag { get; }

    /// <summary>The payload decoded as UTF-8.</summary>
    public string Text => Encoding.UTF8.GetString(Payload.Span);
}
