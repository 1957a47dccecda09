// A websocket-sharp close handler that waits before reconnecting after an abnormal close, but not in its other branch.
// fixed: Thread.Sleep(2000);
// fixed: else if (e.Code != 1000)
using System;
using System.Threading;
using WebSocketSharp;

public sealed class GameClient
{
    private readonly WebSocket _socket = new WebSocket("wss://example.org/game");

    public GameClient()
    {
        _socket.OnClose += (sender, e) =>
        {
            if (e.Code == 1006)
            {
                Thread.Sleep(2000);
                _socket.Connect();
            }
            else if (e.Code != 1000)
                _socket.Connect();
        };
    }
}
