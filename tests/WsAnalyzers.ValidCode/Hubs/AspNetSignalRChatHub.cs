using System.Collections.Concurrent;
using System.Threading.Tasks;
using Microsoft.AspNet.SignalR;

namespace WsAnalyzers.ValidCode.Hubs;

/// <summary>An ASP.NET SignalR 2 hub that tracks users from OnConnected to OnDisconnected(bool) and sends through the hub's
/// clients, which tolerate connections that are gone.</summary>
public sealed class AspNetSignalRChatHub : Hub
{
    private static readonly ConcurrentDictionary<string, string> Users = new();

    public override Task OnConnected()
    {
        Users.TryAdd(Context.ConnectionId, Context.User?.Identity?.Name ?? "anonymous");
        return base.OnConnected();
    }

    public override Task OnReconnected()
    {
        Users.TryAdd(Context.ConnectionId, Context.User?.Identity?.Name ?? "anonymous");
        return base.OnReconnected();
    }

    public override Task OnDisconnected(bool stopCalled)
    {
        Users.TryRemove(Context.ConnectionId, out _);
        return base.OnDisconnected(stopCalled);
    }

    public async Task Send(string message)
    {
        var author = Users.TryGetValue(Context.ConnectionId, out var name) ? name : "anonymous";
        await Task.Yield();
        Clients.All.addMessage(author, message);
    }
}

/// <summary>An ASP.NET SignalR 2 persistent connection that counts its connections and removes them in OnDisconnected.</summary>
public sealed class AspNetSignalRFeed : PersistentConnection
{
    private static readonly ConcurrentDictionary<string, IRequest> Connections = new();

    protected override Task OnConnected(IRequest request, string connectionId)
    {
        Connections.TryAdd(connectionId, request);
        return base.OnConnected(request, connectionId);
    }

    protected override Task OnReceived(IRequest request, string connectionId, string data) => Connection.Broadcast(data, connectionId);

    protected override Task OnDisconnected(IRequest request, string connectionId, bool stopCalled)
    {
        Connections.TryRemove(connectionId, out _);
        return base.OnDisconnected(request, connectionId, stopCalled);
    }
}
