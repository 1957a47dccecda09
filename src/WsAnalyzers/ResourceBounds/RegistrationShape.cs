namespace WsAnalyzers.ResourceBounds;

/// <summary>Where a connection is registered, which decides where its removal belongs.</summary>
internal enum RegistrationShape
{
    /// <summary>In an ordinary function (an ASP.NET Core handler): the removal belongs in a finally around the connection's lifetime.</summary>
    Function,

    /// <summary>In a SignalR Hub: the removal belongs in OnDisconnectedAsync.</summary>
    Hub,

    /// <summary>In a websocket-sharp WebSocketBehavior's OnOpen: the removal belongs in OnClose.</summary>
    Behavior,

    /// <summary>In Fleck's per-connection callback: the removal belongs in the connection's OnClose.</summary>
    Fleck,

    /// <summary>In an ASP.NET SignalR 2 Hub or PersistentConnection: the removal belongs in OnDisconnected.</summary>
    AspNetHub,

    /// <summary>In an EmbedIO WebSocketModule: the removal belongs in OnClientDisconnectedAsync.</summary>
    EmbedIO,
}
