// A websocket-sharp client that precomputes a table of powers every time the connection opens.
// fixed: _socket.OnOpen += async (sender, e) =>
// fixed: _socket.Send("ready");
using WebSocketSharp;

public sealed class PowersClient
{
    private readonly WebSocket _socket = new("wss://example.com/powers");
    private readonly double[] _powers = new double[100_000];

    public void Start()
    {
        _socket.OnOpen += (sender, e) =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                _powers[i] = System.Math.Pow(1.0001, i);
            }

            _socket.Send("ready");
        };
        _socket.Connect();
    }
}
