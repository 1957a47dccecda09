// An async SignalR hub method that reads the caller's quota with .Result before it broadcasts.
// fixed: var quota = await _quotas(Context.ConnectionId);
// fixed: await Clients.All.SendAsync("message", text);
using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

public sealed class QuotaHub : Hub
{
    private readonly Func<string, Task<int>> _quotas;

    public QuotaHub(Func<string, Task<int>> quotas) => _quotas = quotas;

    public async Task Send(string text)
    {
        var quota = _quotas(Context.ConnectionId).Result;
        if (quota > 0)
        {
            await Clients.All.SendAsync("message", text);
        }
    }
}
