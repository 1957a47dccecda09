// A websocket-sharp close handler that discards its arguments, so it cannot look at the close code.
// fixed: _socket.ConnectAsync();
// fixed: .Code == (ushort)CloseStatusCode.Normal
using System;
using WebSocketSharp;

public sealed class LobbyClient
{
    private readonly WebSocket _socket = new WebSocket("wss://example.org/lobby");

    public LobbyClient()
    {
        _socket.OnClose += (_, _) => _socket.ConnectAsync();
    }
}
