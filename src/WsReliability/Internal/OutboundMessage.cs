using System;
using System.Net.WebSockets;
using System.Threading.Tasks;

namespace WsReliability.Internal;

/// <summary>A queued message and the task its sender awaits.</summary>
internal sealed class OutboundMessage
{
    private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutboundMessage(ReadOnlyMemory<byte> payload, WebSocketMessageType type)
    {
        Payload = payload;
        Type = type;
    }

    public ReadOnlyMemory<byte> Payload { get; }

    public WebSocketMessageType Type { get; }

    public Task Sent => _sent.Task;

    public void Complete() => _sent.TrySetResult();

    public void Reject(SendRejectionReason reason) => _sent.TrySetException(new SendRejectedException(reason));

    public void Fail(Exception error) => _sent.TrySetException(error);
}
