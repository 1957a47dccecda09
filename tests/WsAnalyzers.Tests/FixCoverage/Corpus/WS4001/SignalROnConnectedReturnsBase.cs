// A hub that counts the members of every room on each connect, in an OnConnectedAsync that returns the base task.
// fixed: public override async Task OnConnectedAsync()
// fixed: await base.OnConnectedAsync();
// fixed: foreach (var member in room)
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

public sealed class LobbyHub : Hub
{
    private static readonly List<List<string>> Rooms = new();
    private static int _members;

    public override Task OnConnectedAsync()
    {
        var members = 0;
        foreach (var room in Rooms)
        {
            foreach (var member in room)
            {
                members++;
            }
        }

        _members = members;
        return base.OnConnectedAsync();
    }
}
