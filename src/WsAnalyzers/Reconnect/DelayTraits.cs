using System;

namespace WsAnalyzers.Reconnect;

/// <summary>What a delay expression is made of, as far as the analyzer can see.</summary>
[Flags]
internal enum DelayTraits
{
    /// <summary>Nothing varies: a constant.</summary>
    None = 0,

    /// <summary>Draws on a random source (jitter).</summary>
    Random = 1,

    /// <summary>Grows with an attempt count (a counter that is incremented, a power, a shift, a multiplied delay).</summary>
    Growth = 2,

    /// <summary>Comes from something whose body is not visible (a parameter, a delegate, an external method or property).</summary>
    Unknown = 4,
}
