using System.Threading.Tasks;
using Microsoft.AspNet.SignalR.Client;

namespace AntiPatterns.Apis;

/// <summary>An ASP.NET SignalR 2 client that restarts at once from Closed (also after its own Stop()) and after a constant
/// wait from Reconnecting.</summary>
public sealed class AspNetSignalRClient
{
    private readonly HubConnection _connection = new("https://example.org/signalr");

    public AspNetSignalRClient()
    {
        _connection.Closed += () => _connection.Start(); // WS1001 and WS1003
        _connection.Reconnecting += async () =>
        {
            await Task.Delay(5000);
            await _connection.Start(); // WS1002 and WS1003
        };
    }

    public Task StartAsync() => _connection.Start();

    public void Stop() => _connection.Stop();
}
