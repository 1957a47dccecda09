namespace WsAnalyzers.ReceiveLoop;

/// <summary>What a message is assembled in (WS5002); the fix compares the size the kind exposes with the limit.</summary>
internal enum AccumulatorKind
{
    /// <summary>A MemoryStream (or a Stream variable holding one): <c>Length</c>.</summary>
    MemoryStream,

    /// <summary><c>Length</c>.</summary>
    StringBuilder,

    /// <summary>A <c>List&lt;T&gt;</c>: <c>Count</c>.</summary>
    List,

    /// <summary>An <c>ArrayBufferWriter&lt;T&gt;</c>: <c>WrittenCount</c>.</summary>
    BufferWriter,

    /// <summary>A string grown with <c>+=</c>: <c>Length</c>.</summary>
    String,
}
