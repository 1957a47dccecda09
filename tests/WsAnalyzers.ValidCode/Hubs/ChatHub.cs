using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

namespace WsAnalyzers.ValidCode.Hubs;

/// <summary>A SignalR hub that tracks users and removes them on disconnect.</summary>
public sealed class ChatHub : Hub
{
    private static readonly ConcurrentDictionary<string, string> Users = new();

    public override Task OnConnectedAsync()
    {
        Users.TryAdd(Context.ConnectionId, Context.UserIdentifier ?? "anonymous");
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(System.Exception? exception)
    {
        Users.TryRemove(Context.ConnectionId, out _);
        return base.OnDisconnectedAsync(exception);
    }

    public Task Send(string message) => Clients.All.SendAsync("message", Context.ConnectionId, message);
}
