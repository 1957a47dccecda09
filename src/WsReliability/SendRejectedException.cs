using System;

namespace WsReliability;

/// <summary>A message was not handed to the socket; <see cref="Reason"/> says why.</summary>
public sealed class SendRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SendRejectedException(SendRejectionReason reason)
        : base(MessageFor(reason)) => Reason = reason;

    /// <summary>Why the message was not sent.</summary>
    public SendRejectionReason Reason { get; }

    private static string MessageFor(SendRejectionReason reason) => reason switch
    {
        SendRejectionReason.QueueFull => "The send queue is full.",
        SendRejectionReason.NotConnected => "No WebSocket connection is open.",
        SendRejectionReason.Dropped => "The message was dropped from a full send queue to make room for a newer one.",
        _ => "The client was closed before the message was sent.",
    };
}
