// A SignalR client whose Closed handler restarts the connection it builds itself.
// fixed: new HubConnectionBuilder()
// fixed: _hub.StartAsync(
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;

public sealed class OrdersClient
{
    private readonly HubConnection _hub;

    public OrdersClient(Uri url)
    {
        _hub = new HubConnectionBuilder()
            .WithUrl(url)
            .Build();
        _hub.On<string>("OrderPlaced", id => Console.WriteLine(id));
        _hub.Closed += async error =>
        {
            Console.WriteLine($"Connection lost: {error?.Message}");
            await _hub.StartAsync();
        };
    }

    public Task StartAsync(CancellationToken cancellationToken) => _hub.StartAsync(cancellationToken);
}
