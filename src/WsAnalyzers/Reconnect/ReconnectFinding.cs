using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
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
    /// without an acceptable backoff. <paramref name="path"/>, <paramref name="callbacks"/> and <paramref name="pathEnd"/>
    /// are what <see cref="RetryPath.FindThroughDeferrals"/> gives for the reconnect (found once by the caller, which
    /// WS1003 asks too). <paramref name="graph"/> gives the control-flow graph of the analysed member, asked
    /// for only when the waits found are not plainly on every path (<see cref="WaitFreePaths"/>). <paramref name="oneShot"/>
    /// keeps whether a direct connect is a one-shot connection for the other rules asking about the same call.</summary>
    public static bool TryAnalyze(
        WebSocketApis apis, ReconnectReach reach, RetryPath path, ImmutableArray<DeferredCallback> callbacks, IOperation pathEnd,
        Func<ControlFlowGraph?> graph, ref OneShotAnswer oneShot, out ReconnectFinding finding)
    {
        finding = default;
        var invocation = reach.Site;
        if (!path.IsRetry || pathEnd.EnclosingFunction() is not { } function)
        {
            return false;
        }

        // Waits in the followed methods before they connect, a timer's due time, and the timeout a blocking connect is
        // bounded by (`connected = ws.ConnectAsync(...).Wait(15000)`: an attempt that timed out has waited it) are on every path.
        var delays = reach.Delays.ToBuilder();
        var onEveryPath = HasWait(apis, reach.Delays);
        if (BoundedWait(apis, invocation) is { } bounded)
        {
            delays.Add(bounded);
            onEveryPath = true;
        }

        var waitFree = true;
        foreach (var callback in callbacks)
        {
            if (callback.Wait.Operation is not null)
            {
                delays.Add(callback.Wait);
                onEveryPath |= HasWait(apis, ImmutableArray.Create(callback.Wait));
            }

            var inCallback = Delay.FindAll(apis, callback.Function, callback.End.Syntax.SpanStart, callback.End);
            delays.AddRange(inCallback);
            waitFree = waitFree && (onEveryPath ||
                WaitFreePaths.Exists(callback.Function, callback.End, RetryPathKind.Handler, null, Sites(apis, inCallback), graph, apis.Exception));
        }

        var onPath = Delay.FindAll(apis, path.Region, path.Before, pathEnd);
        if (path.Kind == RetryPathKind.Loop)
        {
            onPath = WithoutSessionCallbacks(onPath, pathEnd);
        }

        delays.AddRange(onPath);
        waitFree = waitFree && !onEveryPath &&
                   WaitFreePaths.Exists(function, pathEnd, path.Kind, path.Kind == RetryPathKind.Loop ? path.Region : null, Sites(apis, onPath), graph, apis.Exception);

        var traits = DelayTraits.None;
        var weak = false;
        if (!waitFree)
        {
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
        }

        if ((path.Region is IForLoopOperation loop && IsFanOut(loop)) || (reach.IsDirect && OneShotConnections.IsOneShotConnection(apis, reach.Connect, ref oneShot)))
        {
            return false;
        }

        finding = new ReconnectFinding(reach, path, delays.ToImmutable(), weak ? ReconnectVerdict.NoBackoffWithJitter : ReconnectVerdict.NoDelay, traits);
        return true;
    }

    /// <summary>Drops the delegate calls that run after the reconnect in its own block (<c>await ws.ConnectAsync(...);
    /// await session(ws);</c>): they use the connection, they do not wait before the next attempt.</summary>
    private static ImmutableArray<Delay> WithoutSessionCallbacks(ImmutableArray<Delay> delays, IOperation reconnect)
    {
        IOperation? block = null;
        for (var parent = reconnect.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IBlockOperation)
            {
                block = parent;
                break;
            }
        }

        return block is null
            ? delays
            : delays.RemoveAll(d => d.Amount is null && d.Site.Syntax.SpanStart > reconnect.Syntax.SpanStart && d.Site.IsWithin(block));
    }

    /// <summary><c>connect.Wait(timeout)</c> with a finite timeout: the wait a timed-out attempt has made.</summary>
    private static Delay? BoundedWait(WebSocketApis apis, IInvocationOperation connect)
    {
        IOperation current = connect;
        while (current.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        if (current.Parent is not IInvocationOperation { TargetMethod.Name: "Wait", Arguments.Length: > 0 } wait || wait.Instance != current ||
            !wait.TargetMethod.ContainingType.IsOrInheritsFrom(apis.Task))
        {
            return null;
        }

        foreach (var argument in wait.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0 && argument.Value.Type is { } type &&
                (type.SpecialType == SpecialType.System_Int32 || type.IsType(apis.TimeSpan)) && !Delay.IsInfinite(apis, argument.Value))
            {
                return new Delay(wait, argument.Value);
            }
        }

        return null;
    }

    /// <summary>True when one of the waits is not a zero wait.</summary>
    private static bool HasWait(WebSocketApis apis, ImmutableArray<Delay> delays)
    {
        foreach (var delay in delays)
        {
            if (delay.Amount is null || !Delay.IsZero(apis, delay.Amount))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the path passes each wait that is not a zero wait.</summary>
    private static List<IOperation> Sites(WebSocketApis apis, ImmutableArray<Delay> delays)
    {
        var sites = new List<IOperation>(delays.Length);
        foreach (var delay in delays)
        {
            if (delay.Amount is null || !Delay.IsZero(apis, delay.Amount))
            {
                sites.Add(delay.Site);
            }
        }

        return sites;
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
