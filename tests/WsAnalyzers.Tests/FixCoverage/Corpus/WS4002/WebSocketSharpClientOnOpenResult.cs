// A websocket-sharp client that fetches an auth token with .Result when the connection opens, then sends it.
// fixed: _socket.OnOpen += async (sender, e) =>
// fixed: _socket.Send(token);
using System;
using System.Threading.Tasks;
using WebSocketSharp;

public sealed class AuthenticatingClient
{
    private readonly WebSocket _socket = new("wss://example.com/feed");
    private readonly Func<Task<string>> _token;

    public AuthenticatingClient(Func<Task<string>> token) => _token = token;

    public void Open()
    {
        _socket.OnOpen += (sender, e) =>
        {
            var token = _token().Result;
            _socket.Send(token);
        };
        _socket.Connect();
    }
}
