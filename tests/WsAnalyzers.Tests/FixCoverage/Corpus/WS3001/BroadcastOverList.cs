// A chat room that relays each message to every member.
// fixed: foreach (var member in _members)
using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

public sealed class ChatRoom
{
    private readonly List<WebSocket> _members = new();

    public async Task RelayAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        foreach (var member in _members)
        {
            try
            {
                await member.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
