using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using WsReliability.AspNetCore;

namespace WsReliability.Integration.Tests.Infrastructure;

/// <summary>Sends every message back to its sender.</summary>
internal sealed class EchoHandler : WebSocketHubHandler
{
    public override ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken)
    {
        message.Connection.Send(message.Payload, message.MessageType);
        return default;
    }
}

/// <summary>Ignores messages (a push-only hub), recording the texts and the disconnects.</summary>
internal sealed class RecordingHandler : WebSocketHubHandler
{
    public ConcurrentQueue<string> Texts { get; } = new();

    public ConcurrentQueue<(string ConnectionId, int CloseStatus)> Disconnects { get; } = new();

    public override ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken)
    {
        if (message.MessageType == WebSocketMessageType.Text)
        {
            Texts.Enqueue(message.Text);
        }

        return default;
    }

    public override ValueTask OnDisconnectedAsync(HubConnection connection, int closeStatus, CancellationToken cancellationToken)
    {
        Disconnects.Enqueue((connection.Id, closeStatus));
        return default;
    }
}
