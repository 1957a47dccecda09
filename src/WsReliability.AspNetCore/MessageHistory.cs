using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Threading;
using WsReliability.AspNetCore.Shared;

namespace WsReliability.AspNetCore;

/// <summary>
/// The bounded history of broadcast messages, for replay to new or reconnecting clients. It never holds more than
/// its capacity: the oldest message is overwritten.
/// </summary>
public sealed class MessageHistory
{
    private readonly BoundedRingBuffer<HubMessage> _buffer;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private long _sequence;

    /// <summary>Creates a history of the given capacity.</summary>
    public MessageHistory(int capacity, TimeProvider? timeProvider = null)
    {
        _buffer = new BoundedRingBuffer<HubMessage>(capacity);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The most messages kept.</summary>
    public int Capacity => _buffer.Capacity;

    /// <summary>The messages kept now.</summary>
    public int Count => _buffer.Count;

    /// <summary>The sequence number of the last recorded message (0 when none).</summary>
    public long LastSequence => Interlocked.Read(ref _sequence);

    /// <summary>Records a message and returns it with its sequence number.</summary>
    public HubMessage Add(ReadOnlyMemory<byte> payload, WebSocketMessageType messageType)
    {
        // The sequence is taken under the same order as insertion so snapshots are ordered by sequence.
        lock (_gate)
        {
            var message = new HubMessage(Interlocked.Increment(ref _sequence), _time.GetUtcNow(), messageType, payload);
            _buffer.Add(message);
            return message;
        }
    }

    /// <summary>All kept messages, oldest first.</summary>
    public IReadOnlyList<HubMessage> Snapshot() => _buffer.Snapshot();

    /// <summary>The kept messages with a sequence number above <paramref name="sequence"/>, oldest first.</summary>
    public IReadOnlyList<HubMessage> After(long sequence) => _buffer.Snapshot(m => m.Sequence > sequence);
}
