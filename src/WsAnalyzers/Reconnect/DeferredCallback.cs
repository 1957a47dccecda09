using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Reconnect;

/// <summary>A step of a path through a callback that runs later (<see cref="Deferrals"/>): the callback, the operation in
/// it the path leads to, and the wait before the callback runs (Operation null when there is none).</summary>
internal readonly struct DeferredCallback
{
    public DeferredCallback(IOperation function, IOperation end, Delay wait)
    {
        Function = function;
        End = end;
        Wait = wait;
    }

    public IOperation Function { get; }

    public IOperation End { get; }

    public Delay Wait { get; }
}
