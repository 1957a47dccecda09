using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNet.SignalR.Client;

namespace WsAnalyzers.ValidCode.Client;

/// <summary>
/// An ASP.NET SignalR 2 client: Closed restarts only when the application did not stop the connection itself, after an
/// exponential backoff with full jitter; messages from the hub proxy are handed off without blocking.
/// </summary>
public sealed class AspNetSignalRClient : IDisposable
{
    private static readonly Random Jitter = new();
    private readonly HubConnection _connection;
    private readonly IHubProxy _chat;
    private volatile bool _stopping;
    private int _attempts;

    public AspNetSignalRClient(string url, Func<string, Task> onMessage)
    {
        _connection = new HubConnection(url);
        _chat = _connection.CreateHubProxy("chat");
        _chat.On<string>("addMessage", message => _ = onMessage(message));
        _connection.Closed += OnClosedAsync;
    }

    public Task StartAsync() => _connection.Start();

    public void Dispose()
    {
        _stopping = true;
        _connection.Stop();
        _connection.Dispose();
    }

    private async void OnClosedAsync()
    {
        if (_stopping)
        {
            return;
        }

        var attempt = Interlocked.Increment(ref _attempts);
        await Task.Delay(TimeSpan.FromMilliseconds(NextJitter() * Math.Min(30_000, 1000 * Math.Pow(2, Math.Min(attempt, 16)))));
        await _connection.Start();
        Interlocked.Exchange(ref _attempts, 0);
    }

    private static double NextJitter()
    {
        lock (Jitter)
        {
            return Jitter.NextDouble();
        }
    }
}
