using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace WsAnalyzers.ValidCode.Handlers;

/// <summary>A receive loop that awaits everything and hands slow work to a Channel consumer off the receive path.</summary>
public sealed class QueuedHandlers
{
    private readonly Channel<string> _work = Channel.CreateBounded<string>(1024);
    private readonly SemaphoreSlim _gate = new(1, 1);

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

            if (!result.EndOfMessage)
            {
                // This protocol's messages fit in the buffer: a longer one is refused rather than handled in pieces.
                await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", context.RequestAborted);
                break;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            await _gate.WaitAsync(context.RequestAborted);
            try
            {
                var lookups = new[] { LookupAsync(text), LookupAsync(text.ToUpperInvariant()) };
                await Task.WhenAll(lookups);
                var combined = lookups[0].Result + lookups[1].Result;
                await _work.Writer.WriteAsync(combined, context.RequestAborted);
            }
            finally
            {
                _gate.Release();
            }
        }
    }

    /// <summary>The consumer runs on its own task, not on a receive path: it may take its time.</summary>
    public async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        await foreach (var item in _work.Reader.ReadAllAsync(cancellationToken))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(item.Length), cancellationToken);
        }
    }

    private static async Task<string> LookupAsync(string key)
    {
        await Task.Yield();
        return key;
    }
}

/// <summary>websocket-sharp handler that offloads blocking work with Task.Run and awaits in an async lambda.</summary>
public sealed class OffloadingSharpClient
{
    public OffloadingSharpClient(WebSocketSharp.WebSocket socket)
    {
        socket.OnMessage += (sender, e) => Task.Run(() => Thread.Sleep(10));
        socket.OnMessage += async (sender, e) => await Task.Delay(10);
    }
}
