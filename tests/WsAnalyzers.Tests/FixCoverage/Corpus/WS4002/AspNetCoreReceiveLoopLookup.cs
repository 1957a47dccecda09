// An ASP.NET Core chat endpoint that looks up the sender's name synchronously and throttles with a sleep.
// fixed: _names.LookupAsync(text)
// fixed: (50);
// fixed: Console.WriteLine(name);
// fixed: await socket.ReceiveAsync(
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public interface INameService
{
    Task<string> LookupAsync(string key);
}

public sealed class ChatEndpoint
{
    private readonly INameService _names;

    public ChatEndpoint(INameService names) => _names = names;

    public async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4096];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            var name = _names.LookupAsync(text).Result;
            Thread.Sleep(50);
            Console.WriteLine(name);
        }
    }
}
