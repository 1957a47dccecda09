// A websocket-sharp client whose message handler runs a fixed million-step simulation per tick.
// fixed: _socket.OnMessage += async (sender, e) =>
// fixed: _state = state;
using WebSocketSharp;

public sealed class SimulationClient
{
    private readonly WebSocket _socket = new("wss://example.com/ticks");
    private long _state;

    public void Start()
    {
        _socket.OnMessage += (sender, e) =>
        {
            var state = _state;
            for (var step = 0; step < 1_000_000; step++)
            {
                state = state * 6364136223846793005L + 1442695040888963407L;
            }

            _state = state;
        };
        _socket.Connect();
    }
}
