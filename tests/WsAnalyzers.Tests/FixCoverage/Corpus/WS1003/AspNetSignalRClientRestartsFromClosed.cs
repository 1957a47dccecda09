// An ASP.NET SignalR 2 client restarts from Closed, which the client raises after its own Stop() as after a failure.
// no-fix: SignalR 2 gives Closed no argument that tells Stop() from a failure; only a flag the application sets where it calls Stop() does, and a fixer cannot know every place that stops the connection
using Microsoft.AspNet.SignalR.Client;

public sealed class QuoteFeed
{
    private readonly HubConnection _connection = new("https://quotes.example.com/signalr");

    public QuoteFeed() => _connection.Closed += () => _connection.Start();

    public void Stop() => _connection.Stop();
}
