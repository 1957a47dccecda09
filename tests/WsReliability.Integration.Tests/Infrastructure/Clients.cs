using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WsReliability.Integration.Tests.Infrastructure;

internal static class Clients
{
    /// <summary>Short backoff so reconnects take fractions of a second; generous timeouts for a loaded machine.</summary>
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

    /// <summary>Reads every message the client receives into a queue, until the client closes.</summary>
    public static ConcurrentQueue<string> Collect(this ReconnectingWebSocketClient client, CancellationToken cancellationToken = default)
    {
        var texts = new ConcurrentQueue<string>();
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var message in client.ReceiveAllAsync(cancellationToken))
                {
                    texts.Enqueue(message.Text);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);
        return texts;
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
