using System;
using System.Collections.Generic;

namespace WsReliability.AspNetCore.Shared;

// Shared candidate (client and server both keep bounded histories): move to src/WsReliability when it exists.
/// <summary>A fixed-capacity FIFO that overwrites its oldest item when full. Thread-safe.</summary>
internal sealed class BoundedRingBuffer<T>
{
    private readonly T[] _items;
    private readonly object _gate = new();
    private int _start;
    private int _count;

    public BoundedRingBuffer(int capacity)
    {
        if (capacity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity));
        }

        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Adds an item; returns true when the oldest item was overwritten.</summary>
    public bool Add(T item)
    {
        if (_items.Length == 0)
        {
            return false;
        }

        lock (_gate)
        {
            if (_count < _items.Length)
            {
                _items[(_start + _count) % _items.Length] = item;
                _count++;
                return false;
            }

            _items[_start] = item;
            _start = (_start + 1) % _items.Length;
            return true;
        }
    }

    /// <summary>The items oldest first, optionally only those matching a predicate.</summary>
    public List<T> Snapshot(Func<T, bool>? predicate = null)
    {
        lock (_gate)
        {
            var result = new List<T>(_count);
            for (var i = 0; i < _count; i++)
            {
                var item = _items[(_start + i) % _items.Length];
                if (predicate is null || predicate(item))
                {
                    result.Add(item);
                }
            }

            return result;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_items);
            _start = 0;
            _count = 0;
        }
    }
}
