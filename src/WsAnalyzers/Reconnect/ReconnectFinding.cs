using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// A reconnect on a retry path, with the waits on that path and what they amount to: the shared question of WS1001 and
/// WS1002 (<see cref="TryAnalyze"/>). A one-shot connection inside a loop is WS1005's business, and a fan-out <c>for</c>
/// loop (a bound that is not a constant, no catch) opens many connections once each.
/// </summary>
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

    /// <summary>Analyses a reconnect call (<see cref="ReconnectReach.TryFind"/>): true when it is on a retry path
    /// without an acceptable backoff.</summary>
    public static bool TryAnalyze(WebSocketApis apis, ReconnectCaches caches, ReconnectReach reach, ISymbol containingSymbol, out ReconnectFinding finding)
    {
        finding = default;
        var invocation = reach.Site;
        var path = RetryPath.Find(apis, caches, invocation, containingSymbol);
        var delays = reach.Delays;
        IOperation pathEnd = invocation;
        if (!path.IsRetry && Deferrals.TryGetDeferral(apis, invocation, out var scheduling, out var deferral))
        {
            // A timer or ContinueWith started on the retry path: its wait comes first.
            path = RetryPath.Find(apis, caches, scheduling, containingSymbol);
            delays = delays.Add(deferral);
            pathEnd = scheduling;
        }

        if (!path.IsRetry)
        {
            return false;
        }

        // The waits first: on correct code an acceptable backoff ends the analysis before the costlier shape checks.
        delays = delays.AddRange(Delay.FindAll(apis, path.Region, path.Before, pathEnd, containingSymbol));
        var traits = DelayTraits.None;
        var weak = false;
        foreach (var delay in delays)
        {
            if (delay.Amount is null || Delay.IsInfinite(apis, delay.Amount))
            {
                return false;
            }

            if (Delay.IsZero(apis, delay.Amount))
            {
                continue;
            }

            var delayTraits = DelayClassifier.Classify(apis, delay.Amount);
            if (delayTraits.IsAcceptable())
            {
                return false;
            }

            traits = weak ? traits : delayTraits;
            weak = true;
        }

        if ((path.Region is IForLoopOperation loop && IsFanOut(loop)) || (reach.IsDirect && OneShotConnections.IsOneShotConnection(apis, reach.Connect, out _)))
        {
            return false;
        }

        finding = new ReconnectFinding(reach, path, delays, weak ? ReconnectVerdict.NoBackoffWithJitter : ReconnectVerdict.NoDelay, traits);
        return true;
    }

    /// <summary>A <c>for</c> loop with a bound that is not a constant and no catch in its body walks a collection or opens N
    /// connections; it does not retry.</summary>
    private static bool IsFanOut(IForLoopOperation loop)
    {
        if (loop.Condition is not IBinaryOperation condition || condition.RightOperand.ConstantValue.HasValue ||
            (condition.RightOperand.WithoutConversions() is IFieldReferenceOperation { Field.IsConst: true }))
        {
            return false;
        }

        foreach (var descendant in loop.Body.DescendantsOutsideFunctions())
        {
            if (descendant is ITryOperation { Catches.Length: > 0 })
            {
                return false;
            }
        }

        return true;
    }
}
