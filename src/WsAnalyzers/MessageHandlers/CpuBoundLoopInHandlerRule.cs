using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// WS4001: on a connection's processing path (a message or open handler, a receive loop, the code after an accept, and
/// the same-type methods they call), a loop without an await that has a large constant bound, nests loops not bounded
/// by the received message (or bounded by a number the peer chose), runs forever without reading the message, or
/// busy-waits on a condition another thread must change. Loops over the payload (result.Count, the message's length or
/// elements) are parsing and are not reported.
/// </summary>
internal static class CpuBoundLoopInHandlerRule
{
    /// <summary>Iteration counts from here on are "large".</summary>
    public const long LargeBound = 10_000;

    /// <summary>A loop's cost is read from its shape (nested loops over a type's own collections may be tiny), and the
    /// farther it is from the handler the weaker that reading: three calls, not <see cref="HandlerReach.MaxCallDepth"/>.</summary>
    public const int MaxCallDepth = 3;

    /// <summary>The fix the loop allows, one of the values below (absent: none). With it,
    /// <see cref="AwaitFixes.MakeAsyncProperty"/> says what the function must become.</summary>
    public const string FixProperty = "Fix";

    /// <summary>Move the loop into <c>await Task.Run(() => { ... })</c>: it can run in a lambda as it stands.</summary>
    public const string OffloadValue = "Offload";

    /// <summary>A busy wait: end its body with <c>await Task.Delay(1)</c>, so it polls instead of spinning.</summary>
    public const string PollValue = "Poll";

    /// <summary>A busy wait that nothing ends (<c>while (true) { }</c>): its body becomes
    /// <c>await Task.Delay(Timeout.Infinite)</c>, which waits as long without a thread.</summary>
    public const string WaitForeverValue = "WaitForever";

    /// <summary>Cheap shape test before any handler or payload analysis: infinite, a large constant bound, an inner
    /// loop or a busy wait, and no await (as <see cref="LoopBounds.Awaits"/>), in one walk of the loop.</summary>
    internal static bool IsCandidate(ThreadingApis threading, ILoopOperation loop)
    {
        if (loop.Syntax.ContainsDiagnostics)
        {
            return false;
        }

        var shaped = loop.IsInfinite() || loop.ConstantBound(threading) >= LargeBound;
        if (!shaped && !MayNestLoop(loop) && !loop.IsSpinWait(threading))
        {
            return false;
        }

        foreach (var descendant in loop.DescendantsOutsideFunctions())
        {
            if (LoopBounds.YieldsThread(descendant))
            {
                return false;
            }

            shaped |= descendant.Kind == OperationKind.Loop && descendant != loop;
        }

        return shaped || loop.IsSpinWait(threading);
    }

    /// <summary>The loop's text after its keyword spells a loop keyword: without one, no loop is nested in it (a keyword
    /// cannot be written with an escape), and its walk can only find what makes it no candidate.</summary>
    private static bool MayNestLoop(ILoopOperation loop)
    {
        var syntax = loop.Syntax;
        var afterKeyword = TextSpan.FromBounds(syntax.GetFirstToken().Span.End, syntax.Span.End);
        return SourceSpans.Contains(syntax.SyntaxTree, afterKeyword, "for") ||
               SourceSpans.Contains(syntax.SyntaxTree, afterKeyword, "while") ||
               SourceSpans.Contains(syntax.SyntaxTree, afterKeyword, "do");
    }

    /// <summary>The diagnostic for a loop on a handler path, or null when the loop is bounded by the message.</summary>
    internal static Diagnostic? Diagnose(WebSocketApis apis, ThreadingApis threading, NumberSources numbers, ILoopOperation loop, HandlerPath path)
    {
        var payload = Payloads.Collect(apis, numbers, path);
        if (Reason(apis, threading, loop, payload) is not { } reason)
        {
            return null;
        }

        // Report the outermost such loop only.
        for (var parent = loop.Parent; parent is not null && parent != path.Function; parent = parent.Parent)
        {
            if (parent is ILoopOperation outer && Reason(apis, threading, outer, payload) is not null)
            {
                return null;
            }
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        var fix = loop.IsSpinWait(threading) ? (loop.IsInfinite() && !Exits(loop) ? WaitForeverValue : PollValue)
            : CanOffload(loop, path.Function) ? OffloadValue
            : null;
        if (fix is not null && AwaitFixes.CanAwait(threading, loop, path, out var makeAsync))
        {
            properties = properties.Add(FixProperty, fix);
            if (makeAsync is not null)
            {
                properties = properties.Add(AwaitFixes.MakeAsyncProperty, makeAsync);
            }
        }

        return Diagnostic.Create(Descriptors.WS4001CpuBoundLoopInHandler, loop.KeywordLocation(), properties, reason);
    }

    /// <summary>Why the loop is CPU-bound on the receive path, or null when it is not.</summary>
    private static string? Reason(WebSocketApis apis, ThreadingApis threading, ILoopOperation loop, Payload payload)
    {
        if (loop.Awaits() || ReceiveLoops.Receives(apis, loop) || Sends(apis, loop) || Blocks(threading, loop))
        {
            return null;
        }

        if (loop.IsSpinWait(threading))
        {
            return loop.IsInfinite() && !Exits(loop) ? "spins forever" : "busy-waits until another thread changes what it checks";
        }

        if (loop.IsInfinite())
        {
            return payload.IsReadBy(loop.Body) ? null : "runs without an await until something else stops it";
        }

        var bound = loop.ConstantBound(threading);
        if (bound >= LargeBound)
        {
            return "runs " + bound.Value.ToString("N0", CultureInfo.InvariantCulture) + " times";
        }

        if (bound is not null)
        {
            return null;
        }

        var outer = payload.Classify(loop.BoundExpression());
        if (outer == PayloadBound.Message)
        {
            return null;
        }

        foreach (var descendant in loop.Body.DescendantsOutsideFunctions())
        {
            if (descendant is not ILoopOperation inner || inner == loop || inner.ConstantBound(threading) is not null || inner.IsInfinite())
            {
                continue;
            }

            var bounded = payload.Classify(inner.BoundExpression());
            if (bounded == PayloadBound.Message)
            {
                continue;
            }

            if (outer == PayloadBound.Unrelated && bounded == PayloadBound.Unrelated)
            {
                return "nests loops that do not depend on the message";
            }

            // A bound the peer chose, over the message's own elements, is a length-prefixed parse.
            if (!payload.ReadsElements(inner.Body))
            {
                return "nests loops bounded by a number the peer sent";
            }
        }

        return null;
    }

    /// <summary>True when the loop body can leave the loop (break or return).</summary>
    private static bool Exits(ILoopOperation loop)
    {
        foreach (var descendant in loop.Body.DescendantsOutsideFunctions())
        {
            if (descendant is IReturnOperation || descendant is IBranchOperation { BranchKind: BranchKind.Break })
            {
                return true;
            }
        }

        return false;
    }
    /// <summary>A loop that blocks waits on I/O or another thread rather than computing; WS4002 reports the wait.</summary>
    private static bool Blocks(ThreadingApis threading, ILoopOperation loop)
    {
        foreach (var descendant in loop.Body.DescendantsOutsideFunctions())
        {
            if (descendant.Kind is OperationKind.Invocation or OperationKind.PropertyReference && BlockingCalls.Classify(threading, descendant) != BlockingKind.None)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A loop that sends is I/O (a broadcast), not CPU-bound work.</summary>
    private static bool Sends(WebSocketApis apis, ILoopOperation loop)
    {
        foreach (var descendant in loop.Body.DescendantsOutsideFunctions())
        {
            if (descendant is IInvocationOperation invocation && apis.IsSend(invocation, out _))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the loop can move into a lambda unchanged: it does not return or jump out, and reads no
    /// ref-like, ref or out variable (a lambda cannot capture those), no struct 'this', and is not inside a lock.</summary>
    private static bool CanOffload(ILoopOperation loop, IOperation function)
    {
        if (AsyncRewrite.IsInLock(loop, function))
        {
            return false;
        }

        foreach (var descendant in loop.DescendantsOutsideFunctions())
        {
            switch (descendant)
            {
                case IReturnOperation:
                case IBranchOperation { BranchKind: BranchKind.GoTo }:
                case ILocalReferenceOperation { Local: var local } when local.IsRef || local.Type.IsRefLikeType:
                case IParameterReferenceOperation { Parameter: var parameter } when parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType:
                case IInstanceReferenceOperation instance when instance.Type?.IsValueType == true:
                    return false;
            }
        }

        return true;
    }
}
