// A SignalR hub queues every chat message in a static history with an expression-bodied hub method.
// fixed: Messages.Enqueue(message);
// fixed: Messages.Dequeue();
// fixed: private const int MaxMessagesCount = 1000;
using System.Collections.Generic;
using Microsoft.AspNetCore.SignalR;

public sealed class ChatHub : Hub
{
    private static readonly Queue<string> Messages = new();

    public void Post(string message) => Messages.Enqueue(message);

    public string[] Recent() => Messages.ToArray();
}
