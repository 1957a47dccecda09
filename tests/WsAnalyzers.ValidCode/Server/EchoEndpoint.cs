using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace WsAnalyzers.ValidCode.Server;

/// <summary>The ASP.NET Core echo endpoint: replies on the socket it has just received from.</summary>
public static class EchoEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[4 * 1024];
        var result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
        while (!result.CloseStatus.HasValue)
        {
            await webSocket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, result.EndOfMessage, context.RequestAborted);
            result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
        }

        await webSocket.CloseAsync(result.CloseStatus.Value, result.CloseStatusDescription, CancellationToken.None);
    }
}
