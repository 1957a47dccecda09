using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Handlers;
using WsAnalyzers.Operations;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// WS4001: on the synchronous path of a message handler, a loop without an await that has a large constant bound,
/// nests a loop where neither is bounded by the received message, or runs forever without reading the message.
/// Loops over the payload (result.Count, the message's length or elements) are parsing and are not reported.
/// </summary>
internal static class CpuBoundLoopInHandlerRule
{
    /// <summary>Iteration counts from here on are "large".</summary>
    public const long LargeBound = 10_000;

    /// <summary>"true" when the loop may be moved into <c>await Task.Run(() => { ... })</c> as it stands.</summary>
    public const string OffloadProperty = "Offload";

    /// <summary>Cheap shape test before any handler or payload analysis: infinite, a large constant bound or an inner
    /// loop, and no await (as <see cref="LoopBounds.Awaits"/>), in one walk of the loop.</summary>
    internal static bool IsCandidate(ThreadingApis threading, ILoopOperation loop)
    {
        if (loop.Syntax.ContainsDiagnostics)
        {
            return false;
        }

        var shaped = loop.IsInfinite() || loop.ConstantBound(threading) >= LargeBound;
        foreach (var descendant in loop.DescendantsOutsideFunctions())
        {
            if (LoopBounds.YieldsThread(descendant))
            {
                return false;
            }

            shaped |= descendant.Kind == OperationKind.Loop && descendant != loop;
        }

        return shaped;
    }

    /// <summary>The diagnostic for a loop on a handler path, or null when the loop is bounded by the message.</summary>
    internal static Diagnostic? Diagnose(WebSocketApis apis, ThreadingApis threading, ILoopOperation loop, HandlerPath path)
    {
        var payload = Payloads.Collect(apis, path);
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

        var properties = path.IsAsync && CanOffload(loop, path.Function)
            ? ImmutableDictionary<string, string?>.Empty.Add(OffloadProperty, "true")
            : ImmutableDictionary<string, string?>.Empty;
        return Diagnostic.Create(Descriptors.WS4001CpuBoundLoopInHandler, loop.KeywordLocation(), properties, reason);
    }

    /// <summary>Why the loop is CPU-bound on the receive path, or null when it is not.</summary>
    private static string? Reason(WebSocketApis apis, ThreadingApis threading, ILoopOperation loop, HashSet<ISymbol> payload)
    {
        if (loop.Awaits() || ReceiveLoops.Receives(apis, loop) || Sends(apis, loop))
        {
            return null;
        }

        if (loop.IsInfinite())
        {
            return Payloads.References(loop.Body, payload) ? null : "runs without an await until something else stops it";
        }

        var bound = loop.ConstantBound(threading);
        if (bound >= LargeBound)
        {
            return "runs " + bound.Value.ToString("N0", CultureInfo.InvariantCulture) + " times";
        }

        if (bound is not null || Payloads.References(loop.BoundExpression(), payload))
        {
            return null;
        }

        foreach (var descendant in loop.Body.DescendantsOutsideFunctions())
        {
            if (descendant is ILoopOperation inner && inner != loop && inner.ConstantBound(threading) is null &&
                !Payloads.References(inner.BoundExpression(), payload) && !inner.IsInfinite())
            {
                return "nests loops that do not depend on the message";
            }
        }

        return null;
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
