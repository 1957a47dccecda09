using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace WsAnalyzers.Operations;

/// <summary>Reference equality, for caches keyed by the symbol instance an operation hands out: hashing an address is
/// far cheaper than SymbolEqualityComparer, and a symbol handed out twice as two equal instances only costs a second
/// computation of the same answer.</summary>
internal sealed class SameInstance<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly SameInstance<T> Comparer = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
