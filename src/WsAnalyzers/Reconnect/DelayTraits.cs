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

internal static class DelayTraitsExtensions
{
    /// <summary>Exponential (or at least growing) backoff with jitter, or a delay the analyzer cannot judge.</summary>
    public static bool IsAcceptable(this DelayTraits traits) =>
        (traits & DelayTraits.Unknown) != 0 || (traits & (DelayTraits.Random | DelayTraits.Growth)) == (DelayTraits.Random | DelayTraits.Growth);

    /// <summary>What the delay is, for messages: "is constant", "is random but ...", "grows without jitter".</summary>
    public static string Describe(this DelayTraits traits) =>
        (traits & (DelayTraits.Random | DelayTraits.Growth)) switch
        {
            DelayTraits.Random => "is random but does not grow with the attempt count",
            DelayTraits.Growth => "grows without jitter",
            _ => "is constant",
        };
}
