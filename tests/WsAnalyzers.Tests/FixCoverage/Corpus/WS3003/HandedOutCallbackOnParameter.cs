// A method hands an event bus a callback that sends on the socket it was given, while its caller also sends on it.
// no-fix: the callback's sends and its callers' sends are on different variables (a parameter and the caller's socket), so no one lock can be placed where both see it without redesigning who owns the socket
using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Tasks;

public interface IEventBus
{
    void Subscribe<T>(Func<T, Task> handler);
}

public static class Notifications
{
    public static async Task RunAsync(WebSocket ws, IEventBus bus)
    {
        bus.Subscribe(Forward(ws));
        var buffer = new byte[1024];
        while (true)
        {
            var result = await ws.ReceiveAsync(buffer, default);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            await ws.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default);
        }
    }

    private static Func<string, Task> Forward(WebSocket ws) =>
        message => ws.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default);
}
