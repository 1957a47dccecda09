// A Websocket.Client start loop whose delay doubles but is the same for every client.
// fixed: await client.StartOrFail();
// fixed-not: await Task.Delay(delay);
using System;
using System.Threading.Tasks;
using Websocket.Client;

public static class Starter
{
    public static async Task StartAsync(IWebsocketClient client)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (true)
        {
            try
            {
                await client.StartOrFail();
                return;
            }
            catch (Exception)
            {
                await Task.Delay(delay);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(1).Ticks));
            }
        }
    }
}
