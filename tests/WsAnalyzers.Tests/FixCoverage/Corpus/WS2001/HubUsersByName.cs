// A SignalR hub maps user names to connection ids in a static dictionary; a dropped connection stays mapped.
// fixed: public override Task OnDisconnectedAsync(
// fixed: UserConnections.Remove(
// fixed: UserConnections[userName] = Context.ConnectionId;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

public sealed class ChatHub : Hub
{
    private static readonly Dictionary<string, string> UserConnections = new();

    public Task Login(string userName)
    {
        lock (UserConnections)
        {
            UserConnections[userName] = Context.ConnectionId;
        }

        return Clients.Others.SendAsync("joined", userName);
    }

    public Task Whisper(string userName, string text)
    {
        string? connectionId;
        lock (UserConnections)
        {
            UserConnections.TryGetValue(userName, out connectionId);
        }

        return connectionId is null ? Task.CompletedTask : Clients.Client(connectionId).SendAsync("whisper", text);
    }
}
