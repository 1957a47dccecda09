using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace WsReliability.Tests.Infrastructure;

internal static class ClientFactory
{
    /// <summary>Short delays so reconnect tests take seconds; timeouts generous for a loaded machine.</summary>
    public static ReconnectingWebSocketOptions Fast(Action<ReconnectingWebSocketOptions>? configure = null)
    {
        var options = new ReconnectingWebSocketOptions
        {
            Reconnect = new ReconnectOptions
            {
                BaseDelay = TimeSpan.FromMilliseconds(100),
                MaxDelay = TimeSpan.FromMilliseconds(500),
                StableConnectionTime = TimeSpan.FromSeconds(1),
            },
            ConnectTimeout = TimeSpan.FromSeconds(10),
            CloseTimeout = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Records every state transition of a client.</summary>
    public static ConcurrentQueue<(ConnectionState From, ConnectionState To)> Transitions(this ReconnectingWebSocketClient client)
    {
        var transitions = new ConcurrentQueue<(ConnectionState, ConnectionState)>();
        client.StateChanged += (_, e) => transitions.Enqueue((e.Previous, e.Current));
        return transitions;
    }

    public static async Task DisposeAllAsync(IEnumerable<ReconnectingWebSocketClient> clients)
    {
        var disposals = new List<Task>();
        foreach (var client in clients)
        {
            disposals.Add(client.DisposeAsync().AsTask());
        }

        await Task.WhenAll(disposals);
    }
}
