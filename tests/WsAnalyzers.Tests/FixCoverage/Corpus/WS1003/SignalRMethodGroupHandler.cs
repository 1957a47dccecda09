// A SignalR Closed handler attached as a method group that restarts after a growing, jittered wait.
// fixed: if (error == null)
// fixed: await _connection.StartAsync();
using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;

public sealed class Presence
{
    private readonly HubConnection _connection;
    private int _attempt;

    public Presence(HubConnection connection)
    {
        _connection = connection;
        _connection.Closed += OnClosedAsync;
    }

    private async Task OnClosedAsync(Exception? error)
    {
        _attempt++;
        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000 << Math.Min(_attempt, 5))));
        await _connection.StartAsync();
        _attempt = 0;
    }
}
