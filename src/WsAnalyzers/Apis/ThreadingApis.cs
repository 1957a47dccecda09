using Microsoft.CodeAnalysis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Apis;

/// <summary>
/// The BCL threading and collection types the message-handler and sending rules look at (blocking waits, offloading,
/// send serialisation, broadcast helpers, delays), resolved once per compilation as part of <see cref="WebSocketApis"/>.
/// </summary>
internal sealed class ThreadingApis
{
    public ThreadingApis(MetadataTypes types)
    {
        Thread = types.Find("System.Threading.Thread");
        Task = types.Find("System.Threading.Tasks.Task");
        TaskOfT = types.Find("System.Threading.Tasks.Task`1");
        ValueTask = types.Find("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = types.Find("System.Threading.Tasks.ValueTask`1");
        TaskAwaiter = types.Find("System.Runtime.CompilerServices.TaskAwaiter");
        TaskAwaiterOfT = types.Find("System.Runtime.CompilerServices.TaskAwaiter`1");
        ValueTaskAwaiter = types.Find("System.Runtime.CompilerServices.ValueTaskAwaiter");
        ValueTaskAwaiterOfT = types.Find("System.Runtime.CompilerServices.ValueTaskAwaiter`1");
        ConfiguredTaskAwaiter = types.Find("System.Runtime.CompilerServices.ConfiguredTaskAwaitable+ConfiguredTaskAwaiter");
        ConfiguredTaskAwaiterOfT = types.Find("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1+ConfiguredTaskAwaiter");
        ConfiguredValueTaskAwaiter = types.Find("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable+ConfiguredValueTaskAwaiter");
        ConfiguredValueTaskAwaiterOfT = types.Find("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1+ConfiguredValueTaskAwaiter");
        SemaphoreSlim = types.Find("System.Threading.SemaphoreSlim");
        ManualResetEventSlim = types.Find("System.Threading.ManualResetEventSlim");
        CountdownEvent = types.Find("System.Threading.CountdownEvent");
        WaitHandle = types.Find("System.Threading.WaitHandle");
        Enumerable = types.Find("System.Linq.Enumerable");
        List = types.Find("System.Collections.Generic.List`1");
        Array = types.Find("System.Array");
        Parallel = types.Find("System.Threading.Tasks.Parallel");
        ConcurrentDictionary = types.Find("System.Collections.Concurrent.ConcurrentDictionary`2");
        TaskFactory = types.Find("System.Threading.Tasks.TaskFactory");
        ThreadingTimer = types.Find("System.Threading.Timer");
        PeriodicTimer = types.Find("System.Threading.PeriodicTimer");
        Observable = types.Find("System.IObservable`1");
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
    public INamedTypeSymbol? PeriodicTimer { get; }
    public INamedTypeSymbol? Observable { get; }

    /// <summary>True for the awaiter types whose GetResult blocks until the task completes.</summary>
    public bool IsAwaiter(ITypeSymbol? type) =>
        type.IsType(TaskAwaiter) || type.IsType(TaskAwaiterOfT) || type.IsType(ValueTaskAwaiter) || type.IsType(ValueTaskAwaiterOfT) ||
        type.IsType(ConfiguredTaskAwaiter) || type.IsType(ConfiguredTaskAwaiterOfT) ||
        type.IsType(ConfiguredValueTaskAwaiter) || type.IsType(ConfiguredValueTaskAwaiterOfT);

    /// <summary>True for Task, Task&lt;T&gt;, ValueTask and ValueTask&lt;T&gt;.</summary>
    public bool IsTaskLike(ITypeSymbol? type) =>
        type.IsOrInheritsFrom(Task) || type.IsType(ValueTask) || type.IsType(ValueTaskOfT);
}
