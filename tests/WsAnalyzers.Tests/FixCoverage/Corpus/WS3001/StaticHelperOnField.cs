// A game server that notifies the player a socket belongs to.
// fixed: SendAsync(
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class Player
{
    public WebSocket Socket { get; set; } = null!;
    public string Name { get; set; } = "";
}

public static class Notifications
{
    public static async Task NotifyAsync(Player player, string text)
    {
        var buffer = Encoding.UTF8.GetBytes(text);
        await player.Socket.SendAsync(new ArraySegment<byte>(buffer, 0, buffer.Length), WebSocketMessageType.Text, true, CancellationToken.None);
    }
}
