using System.Collections.Immutable;

namespace WsAnalyzers.Reconnect;

/// <summary>A reconnect on a retry path, with the waits on that path and what they amount to.</summary>
internal readonly struct ReconnectFinding
{
    public ReconnectFinding(ReconnectReach reach, RetryPath path, ImmutableArray<Delay> delays, ReconnectVerdict verdict, DelayTraits traits)
    {
        Reach = reach;
        Path = path;
        Delays = delays;
        Verdict = verdict;
        Traits = traits;
    }

    public ReconnectReach Reach { get; }

    public RetryPath Path { get; }

    public ImmutableArray<Delay> Delays { get; }

    public ReconnectVerdict Verdict { get; }

    /// <summary>For <see cref="ReconnectVerdict.NoBackoffWithJitter"/>: what the weak wait is made of.</summary>
    public DelayTraits Traits { get; }
}
