// A SignalR Closed handler written as an expression that restarts the connection even after StopAsync.
// fixed: return Task.CompletedTask;
// fixed: return _hub.StartAsync();
using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;

public sealed class ChatConnection
{
    private readonly HubConnection _hub;

    public ChatConnection(HubConnection hub)
    {
        _hub = hub;
        _hub.Closed += error => _hub.StartAsync();
    }

    public Task StopAsync() => _hub.StopAsync();
}
