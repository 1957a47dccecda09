using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNet.SignalR;

namespace AntiPatterns.Apis;

/// <summary>An ASP.NET SignalR 2 hub: users that never leave, a history that only grows and a hub method that blocks.</summary>
public sealed class AspNetSignalRHub : Hub
{
    private static readonly ConcurrentDictionary<string, string> Users = new(); // WS2001: no removal in OnDisconnected(bool)
    private static readonly List<string> Messages = new(); // WS2002

    public override Task OnConnected()
    {
        Users.TryAdd(Context.ConnectionId, Context.User.Identity.Name);
        return base.OnConnected();
    }

    public void Send(string message)
    {
        Messages.Add(message);
        Thread.Sleep(100); // WS4002: holds the connection's message processing
        Clients.All.addMessage(Users[Context.ConnectionId], message);
    }
}
