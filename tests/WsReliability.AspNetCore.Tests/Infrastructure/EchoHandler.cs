using System.Threading;
using System.Threading.Tasks;

namespace WsReliability.AspNetCore.Tests.Infrastructure;

/// <summary>Sends every message back to its sender.</summary>
internal sealed class EchoHandler : WebSocketHubHandler
{
    public override ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken)
    {
        message.Connection.Send(message.Payload, message.MessageType);
        return default;
    }
}
