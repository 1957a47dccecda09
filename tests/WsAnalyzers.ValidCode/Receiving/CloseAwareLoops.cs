using System;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace WsAnalyzers.ValidCode.Receiving;

/// <summary>Receive loops that look at the Close message in the other shapes WS5001 accepts: a switch, a helper of the
/// same type, a loop condition on the state, and an echo that forwards EndOfMessage with each fragment.</summary>
public sealed class CloseAwareLoops
{
    public async Task DispatchAsync(HttpContext context, Func<JsonDocument, Task> handle)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[8192];
        for (;;)
        {
            var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
            switch (result.MessageType)
            {
                case WebSocketMessageType.Text when result.EndOfMessage:
                    using (var document = JsonDocument.Parse(buffer.AsMemory(0, result.Count)))
                    {
                        await handle(document);
                    }

                    break;
                case WebSocketMessageType.Close:
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
                    return;
                default:
                    await socket.CloseOutputAsync(WebSocketCloseStatus.InvalidMessageType, "One text frame per message", context.RequestAborted);
                    return;
            }
        }
    }

    public async Task RelayAsync(WebSocket from, WebSocket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (true)
        {
            var result = await from.ReceiveAsync(buffer.AsMemory(), cancellationToken);

            // The relay outlives the moment it was handed `to`: stop when that side has gone, too (WS3001).
            if (IsEnd(result) || to.State != WebSocketState.Open)
            {
                break;
            }

            await to.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, cancellationToken);
        }
    }

    private static bool IsEnd(ValueWebSocketReceiveResult result) => result.MessageType == WebSocketMessageType.Close;
}
