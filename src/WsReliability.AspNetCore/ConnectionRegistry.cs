using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using WsReliability.AspNetCore.Diagnostics;

namespace WsReliability.AspNetCore;

/// <summary>
/// The open connections. Registration hands out a <see cref="ConnectionLease"/>; disposing it (in a
/// <c>finally</c> or <c>await using</c>) removes the connection, so every path that ends a connection removes it.
/// The count never exceeds the maximum, also under a burst of concurrent registrations.
/// </summary>
public sealed class ConnectionRegistry : IReadOnlyCollection<HubConnection>
{
    private readonly ConcurrentDictionary<string, HubConnection> _connections = new();
    private readonly WebSocketHubMetrics _metrics;
    private readonly int _maxConnections;
    private readonly object _emptyGate = new();
    private TaskCompletionSource _empty = NewEmptySignal(completed: true);
    private int _count;

    internal ConnectionRegistry(int maxConnections, WebSocketHubMetrics metrics)
    {
        _maxConnections = maxConnections;
        _metrics = metrics;
    }

    /// <summary>Connections registered now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The most connections allowed at once.</summary>
    public int MaxConnections => _maxConnections;

    /// <summary>Finds an open connection by id.</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out HubConnection? connection) => _connections.TryGetValue(id, out connection);

    /// <summary>Registers a connection, or returns null when the registry is full.</summary>
    internal ConnectionLease? TryRegister(HubConnection connection)
    {
        // Reserve the slot first with a compare-and-swap: the count is the authority and never reads above the
        // maximum, not even for a moment, however many registrations race.
        int current;
        do
        {
            current = Volatile.Read(ref _count);
            if (current >= _maxConnections)
            {
                return null;
            }
        }
        while (Interlocked.CompareExchange(ref _count, current + 1, current) != current);

        if (current == 0)
        {
            lock (_emptyGate)
            {
                if (_empty.Task.IsCompleted && Volatile.Read(ref _count) > 0)
                {
                    _empty = NewEmptySignal(completed: false);
                }
            }
        }

        _connections[connection.Id] = connection;
        _metrics.ConnectionOpened();
        return new ConnectionLease(this, connection);
    }

    /// <summary>Removes a connection; true only for the call that actually removed it.</summary>
    internal bool Remove(HubConnection connection)
    {
        if (!_connections.TryRemove(new KeyValuePair<string, HubConnection>(connection.Id, connection)))
        {
            return false;
        }

        if (Interlocked.Decrement(ref _count) == 0)
        {
            lock (_emptyGate)
            {
                if (Volatile.Read(ref _count) == 0)
                {
                    _empty.TrySetResult();
                }
            }
        }

        return true;
    }

    /// <summary>Completes when no connection is registered.</summary>
    internal Task WhenEmptyAsync()
    {
        lock (_emptyGate)
        {
            return Volatile.Read(ref _count) == 0 ? Task.CompletedTask : _empty.Task;
        }
    }

    private static TaskCompletionSource NewEmptySignal(bool completed)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            signal.SetResult();
        }

        return signal;
    }

    /// <summary>Enumerates without locking or copying; connections added or removed meanwhile may or may not appear.</summary>
    public IEnumerator<HubConnection> GetEnumerator()
    {
        foreach (var pair in _connections)
        {
            yield return pair.Value;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
