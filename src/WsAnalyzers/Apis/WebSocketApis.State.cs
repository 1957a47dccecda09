using Microsoft.CodeAnalysis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Apis;

internal sealed partial class WebSocketApis
{
    /// <summary>True for the properties that tell whether a socket, client or connection can still send (and the new
    /// state an ASP.NET SignalR 2 client's StateChanged reports).</summary>
    public bool IsStateProperty(IPropertySymbol property)
    {
        var type = property.ContainingType;
        return property.Name switch
        {
            "State" => type.IsOrInheritsFrom(WebSocket) || type.IsOrInheritsFrom(SharpWebSocketBehavior) || type.IsType(HubConnection) ||
                       type.IsOrInheritsFrom(EmbedIOWebSocket) || type.IsOrInheritsFrom(AspNetClientConnection),
            "CloseStatus" => type.IsOrInheritsFrom(WebSocket),
            "ReadyState" or "IsAlive" => type.IsOrInheritsFrom(SharpWebSocket) || type.IsOrInheritsFrom(SharpWebSocketBehavior),
            "IsAvailable" => type.IsOrInheritsFrom(FleckConnection),
            "IsRunning" or "IsStarted" => type.IsOrInheritsFrom(WebsocketClientInterface) || type.IsOrInheritsFrom(WebsocketClient),
            "NewState" => type.IsType(AspNetStateChange),
            _ => false,
        };
    }
}
