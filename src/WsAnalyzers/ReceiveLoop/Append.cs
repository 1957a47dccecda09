using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>An append to something a message can be assembled in: the call (or <c>+=</c>), the variable appended to, and
/// what is appended.</summary>
internal readonly struct Append
{
    public Append(IOperation operation, ISymbol accumulator, AccumulatorKind kind, ImmutableArray<IOperation> values, bool mayNotBeInMemory)
    {
        Operation = operation;
        Accumulator = accumulator;
        Kind = kind;
        Values = values;
        MayNotBeInMemory = mayNotBeInMemory;
    }

    public IOperation Operation { get; }

    public ISymbol Accumulator { get; }

    public AccumulatorKind Kind { get; }

    /// <summary>The appended values (the arguments other than the accumulator, or the right side of <c>+=</c>).</summary>
    public ImmutableArray<IOperation> Values { get; }

    /// <summary>A write to a variable typed <c>Stream</c>: it assembles in memory only when a MemoryStream is put in it.</summary>
    public bool MayNotBeInMemory { get; }

    public int Position => Operation.Syntax.SpanStart;
}
