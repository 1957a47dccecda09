// A websocket-sharp client whose Send throws once the connection is gone.
// fixed: _ws.Send(
using WebSocketSharp;

public sealed class Ticker
{
    private readonly WebSocket _ws = new WebSocket("wss://example.com/ticker");

    public void Subscribe(string symbol)
    {
        var request = "{\"subscribe\":\"" + symbol + "\"}";
        _ws.Send(request);
    }
}
