using System;
using Microsoft.Extensions.Caching.Memory;

namespace WsReliability.AspNetCore.Admission;

/// <summary>
/// The last history sequence each client session was sent, kept for a while after its connection ended, so that its
/// next connection is replayed only what it missed. Bounded: at most as many sessions as connections are allowed,
/// each for <see cref="Retention"/>.
/// </summary>
internal sealed class ReplaySessions : IDisposable
{
    /// <summary>How long a session is remembered after its connection ended.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache;

    public ReplaySessions(int capacity)
    {
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });
    }

    public void Remember(HubConnection connection)
    {
        if (connection.SessionId is { } session && connection.LastSequenceSent > 0)
        {
            _cache.Set(session, connection.LastSequenceSent, new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = Retention,
            });
        }
    }

    /// <summary>The last sequence the session was sent, or 0 when it is new (or forgotten).</summary>
    public long LastSent(string? session) => session is not null && _cache.TryGetValue(session, out long sequence) ? sequence : 0;

    public void Dispose() => _cache.Dispose();
}
