namespace WsAnalyzers.MessageHandlers;

/// <summary>How a blocking call can be turned into an await (what the WS4002 fix writes).</summary>
internal enum BlockingKind
{
    None,

    /// <summary>Thread.Sleep(x): await Task.Delay(x).</summary>
    Sleep,

    /// <summary>task.Wait(): await task.</summary>
    Wait,

    /// <summary>Task.WaitAll(tasks): await Task.WhenAll(tasks).</summary>
    WaitAll,

    /// <summary>task.Result: (await task).</summary>
    Result,

    /// <summary>task.GetAwaiter().GetResult() (also after ConfigureAwait): await task.</summary>
    GetResult,

    /// <summary>semaphore.Wait(...): await semaphore.WaitAsync(...).</summary>
    SemaphoreWait,

    /// <summary>A blocking wait with no direct async replacement (WaitAny, a timed Wait, events, wait handles).</summary>
    Other,
}
