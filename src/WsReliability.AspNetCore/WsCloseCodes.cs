using System.Net.WebSockets;

namespace WsReliability.AspNetCore;

/// <summary>Close codes of the RFC 6455 registry that have no member in <see cref="WebSocketCloseStatus"/>.</summary>
internal static class WsCloseCodes
{
    /// <summary>1012 Service Restart.</summary>
    public const WebSocketCloseStatus ServiceRestart = (WebSocketCloseStatus)1012;

    /// <summary>1013 Try Again Later.</summary>
    public const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;
}
