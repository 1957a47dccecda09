// A websocket-sharp WebSocket subclass that reconnects from its own OnClose unless it closed itself: a server's normal
// close (1000) is answered with a reconnect.
// fixed: if (_shouldClose || !AutoReconnect)
// fixed: e.Code == (ushort)CloseStatusCode.Normal
// fixed: Connect();
using System;
using WebSocketSharp;

public class AutoReconnectingWebSocket : WebSocket
{
    private bool _shouldClose;

    public AutoReconnectingWebSocket(Uri uri)
        : base(uri.ToString())
    {
        OnClose += AutoReconnectingWebSocket_OnClose;
    }

    public bool AutoReconnect { get; set; } = true;

    public new void Close()
    {
        _shouldClose = true;
        base.Close();
    }

    private void AutoReconnectingWebSocket_OnClose(object? sender, CloseEventArgs e)
    {
        if (_shouldClose || !AutoReconnect) return;
        Connect();
    }
}
