using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Reconnect;

/// <summary>A wait found on a path: the waiting call and its duration (null when the duration is not visible).</summary>
internal readonly struct Delay
{
    public Delay(IOperation operation, IOperation? amount)
    {
        Operation = operation;
        Amount = amount;
    }

    public IOperation Operation { get; }

    public IOperation? Amount { get; }
}
