// A hub that registers each connection in a store and waits for it before returning the base task.
// fixed: public override async Task OnConnectedAsync()
// fixed: await _presence.AddAsync(Context.ConnectionId);
// fixed: await base.OnConnectedAsync();
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

public interface IPresence
{
    Task AddAsync(string connectionId);
}

public sealed class PresenceHub : Hub
{
    private readonly IPresence _presence;

    public PresenceHub(IPresence presence) => _presence = presence;

    public override Task OnConnectedAsync()
    {
        _presence.AddAsync(Context.ConnectionId).Wait();
        return base.OnConnectedAsync();
    }
}
