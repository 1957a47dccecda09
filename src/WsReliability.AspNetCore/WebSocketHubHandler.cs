using System.Threading;
using System.Threading.Tasks;

namespace WsReliability.AspNetCore;

/// <summary>
/// The application's part of the hub. <see cref="OnMessageAsync"/> runs on the hub's handler workers, never on the
/// receive path, so a slow or CPU-heavy handler delays neither receiving nor other connections' handlers beyond the
/// worker count. Exceptions are logged and do not end the connection.
/// </summary>
public abstract class WebSocketHubHandler
{
    /// <summary>Called after the connection is registered, before anything is sent or received on it.</summary>
    public virtual ValueTask OnConnectedAsync(HubConnection connection, CancellationToken cancellationToken) => default;

    /// <summary>Called for every complete message, on a handler worker.</summary>
    public abstract ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken);

    /// <summary>Called once after the connection ended and was removed from the registry.</summary>
    public virtual ValueTask OnDisconnectedAsync(HubConnection connection, int closeStatus, CancellationToken cancellationToken) => default;
}

/// <summary>The handler used when none is given: messages are counted and ignored (server push only).</summary>
internal sealed class IgnoreMessagesHandler : WebSocketHubHandler
{
    public override ValueTask OnMessageAsync(HubMessageContext message, CancellationToken cancellationToken) => default;
}
