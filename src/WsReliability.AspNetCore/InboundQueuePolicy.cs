namespace WsReliability.AspNetCore;

/// <summary>What the hub does when one connection's handler falls <see cref="WebSocketHubOptions.InboundQueueCapacity"/> messages behind.</summary>
public enum InboundQueuePolicy
{
    /// <summary>
    /// Back-pressure on that connection only: its next message is not read until the handler catches up (TCP slows the
    /// sender). Its keep-alive PINGs and PONGs are still answered until that next message arrives.
    /// </summary>
    Wait,

    /// <summary>Close that connection with 1013 Try Again Later and a delay hint; what it sent meanwhile is not handled.</summary>
    Close,
}
