using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Infrastructure;

/// <summary>
/// The BCL threading and collection types the message-handler and sending rules look at (blocking waits, offloading,
/// send serialisation, broadcast helpers, delays), resolved once per compilation as part of <see cref="WebSocketApis"/>.
/// </summary>
internal sealed class ThreadingApis
{
    public ThreadingApis(Compilation compilation)
    {
        Thread = Type(compilation, "System.Threading.Thread");
        Task = Type(compilation, "System.Threading.Tasks.Task");
        TaskOfT = Type(compilation, "System.Threading.Tasks.Task`1");
        ValueTask = Type(compilation, "System.Threading.Tasks.ValueTask");
        ValueTaskOfT = Type(compilation, "System.Threading.Tasks.ValueTask`1");
        TaskAwaiter = Type(compilation, "System.Runtime.CompilerServices.TaskAwaiter");
        TaskAwaiterOfT = Type(compilation, "System.Runtime.CompilerServices.TaskAwaiter`1");
        ValueTaskAwaiter = Type(compilation, "System.Runtime.CompilerServices.ValueTaskAwaiter");
        ValueTaskAwaiterOfT = Type(compilation, "System.Runtime.CompilerServices.ValueTaskAwaiter`1");
        ConfiguredTaskAwaiter = Type(compilation, "System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter");
        ConfiguredTaskAwaiterOfT = Type(compilation, "System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter");
        ConfiguredValueTaskAwaiter = Type(compilation, "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter");
        ConfiguredValueTaskAwaiterOfT = Type(compilation, "System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter");
        SemaphoreSlim = Type(compilation, "System.Threading.SemaphoreSlim");
        ManualResetEventSlim = Type(compilation, "System.Threading.ManualResetEventSlim");
        CountdownEvent = Type(compilation, "System.Threading.CountdownEvent");
        WaitHandle = Type(compilation, "System.Threading.WaitHandle");
        Enumerable = Type(compilation, "System.Linq.Enumerable");
        List = Type(compilation, "System.Collections.Generic.List`1");
        Array = Type(compilation, "System.Array");
        Parallel = Type(compilation, "System.Threading.Tasks.Parallel");
        ConcurrentDictionary = Type(compilation, "System.Collections.Concurrent.ConcurrentDictionary`2");
        TaskFactory = Type(compilation, "System.Threading.Tasks.TaskFactory");
        ThreadingTimer = Type(compilation, "System.Threading.Timer");
    }

    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? TaskAwaiter { get; }
    public INamedTypeSymbol? TaskAwaiterOfT { get; }
    public INamedTypeSymbol? ValueTaskAwaiter { get; }
    public INamedTypeSymbol? ValueTaskAwaiterOfT { get; }
    public INamedTypeSymbol? ConfiguredTaskAwaiter { get; }
    public INamedTypeSymbol? ConfiguredTaskAwaiterOfT { get; }
    public INamedTypeSymbol? ConfiguredValueTaskAwaiter { get; }
    public INamedTypeSymbol? ConfiguredValueTaskAwaiterOfT { get; }
    public INamedTypeSymbol? SemaphoreSlim { get; }
    public INamedTypeSymbol? ManualResetEventSlim { get; }
    public INamedTypeSymbol? CountdownEvent { get; }
    public INamedTypeSymbol? WaitHandle { get; }
    public INamedTypeSymbol? Enumerable { get; }
    public INamedTypeSymbol? List { get; }
    public INamedTypeSymbol? Array { get; }
    public INamedTypeSymbol? Parallel { get; }
    public INamedTypeSymbol? ConcurrentDictionary { get; }
    public INamedTypeSymbol? TaskFactory { get; }
    public INamedTypeSymbol? ThreadingTimer { get; }

    /// <summary>True for the awaiter types whose GetResult blocks until the task completes.</summary>
    public bool IsAwaiter(ITypeSymbol? type) =>
        type.IsType(TaskAwaiter) || type.IsType(TaskAwaiterOfT) || type.IsType(ValueTaskAwaiter) || type.IsType(ValueTaskAwaiterOfT) ||
        type.IsType(ConfiguredTaskAwaiter) || type.IsType(ConfiguredTaskAwaiterOfT) ||
        type.IsType(ConfiguredValueTaskAwaiter) || type.IsType(ConfiguredValueTaskAwaiterOfT);

    /// <summary>True for Task, Task&lt;T&gt;, ValueTask and ValueTask&lt;T&gt;.</summary>
    public bool IsTaskLike(ITypeSymbol? type) =>
        type.IsOrInheritsFrom(Task) || type.IsType(ValueTask) || type.IsType(ValueTaskOfT);

    private static INamedTypeSymbol? Type(Compilation compilation, string metadataName) =>
        MetadataTypes.Find(compilation, metadataName);
}
