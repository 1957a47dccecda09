// A SignalR hub that forgets a user only when the user calls Leave, not when the connection drops.
// fixed: OnDisconnectedAsync
// fixed: Users.TryRemove(Context.ConnectionId, out _);
// fixed: public void Leave()
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

public sealed class PresenceHub : Hub
{
    private static readonly ConcurrentDictionary<string, string> Users = new();

    public override Task OnConnectedAsync()
    {
        Users[Context.ConnectionId] = Context.UserIdentifier ?? "anonymous";
        return base.OnConnectedAsync();
    }

    public void Leave() => Users.TryRemove(Context.ConnectionId, out _);

    public Task<int> Online() => Task.FromResult(Users.Count);
}
