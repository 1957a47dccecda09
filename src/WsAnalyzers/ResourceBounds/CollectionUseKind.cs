namespace WsAnalyzers.ResourceBounds;

/// <summary>What a reference to a tracked collection does to it.</summary>
internal enum CollectionUseKind
{
    /// <summary>Reads it (Count, enumeration, lookups, a lock, a BCL method that takes it).</summary>
    Read,

    /// <summary>Adds to it (Add, TryAdd, indexer set, Enqueue, Append, ...).</summary>
    Add,

    /// <summary>Shrinks it: a removal, a clear, a dequeue, a reassignment or a by-ref hand-off (Interlocked.Exchange).</summary>
    Removal,

    /// <summary>Initialises it in a constructor or replaces it with <c>??=</c>: neither grows nor shrinks it.</summary>
    Initialization,

    /// <summary>Hands it to code the rules cannot follow (aliases, user methods): it may be shrunk there.</summary>
    Escape,
}
