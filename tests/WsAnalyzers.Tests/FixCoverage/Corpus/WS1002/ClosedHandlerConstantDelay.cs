// A SignalR Closed handler that waits a fixed five seconds before restarting a connection it is given.
// fixed: await _hub.StartAsync();
// fixed-not: Task.Delay(5000)
using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;

public sealed class DashboardClient
{
    private readonly HubConnection _hub;

    public DashboardClient(HubConnection hub)
    {
        _hub = hub;
        _hub.Closed += async error =>
        {
            await Task.Delay(5000);
            await _hub.StartAsync();
        };
    }
}
