using System;
using System.Threading;
using System.Threading.Tasks;

namespace WsReliability.AspNetCore;

/// <summary>
/// Proof of a registration. Disposing it removes the connection from the registry; it is idempotent, so a
/// broadcast that already removed a dead peer and the connection's own <c>finally</c> do not conflict.
/// </summary>
public sealed class ConnectionLease : IAsyncDisposable
{
    private readonly ConnectionRegistry _registry;
    private int _disposed;

    internal ConnectionLease(ConnectionRegistry registry, HubConnection connection)
    {
        _registry = registry;
        Connection = connection;
    }

    /// <summary>The registered connection.</summary>
    public HubConnection Connection { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _registry.Remove(Connection);
        }

        return ValueTask.CompletedTask;
    }
}
