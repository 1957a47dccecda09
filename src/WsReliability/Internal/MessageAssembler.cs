using System;
using System.Buffers;

namespace WsReliability.Internal;

/// <summary>Joins the fragments of one message in a pooled buffer that never grows past the maximum message size.</summary>
internal sealed class MessageAssembler : IDisposable
{
    private readonly int _maxMessageSize;
    private byte[] _buffer = [];
    private int _length;

    public MessageAssembler(int maxMessageSize) => _maxMessageSize = maxMessageSize;

    /// <summary>Appends a fragment; false (and nothing appended) when the message would exceed the maximum size.</summary>
    public bool TryAppend(ReadOnlySpan<byte> fragment)
    {
        if (fragment.Length > _maxMessageSize - _length)
        {
            return false;
        }

        if (_length + fragment.Length > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_maxMessageSize, Math.Max(_length + fragment.Length, _buffer.Length * 2)));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            Return();
            _buffer = larger;
        }

        fragment.CopyTo(_buffer.AsSpan(_length));
        _length += fragment.Length;
        return true;
    }

    /// <summary>Copies the assembled message out and starts the next one.</summary>
    public byte[] TakeMessage()
    {
        var message = _buffer.AsSpan(0, _length).ToArray();
        _length = 0;
        return message;
    }

    public void Dispose() => Return();

    private void Return()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
