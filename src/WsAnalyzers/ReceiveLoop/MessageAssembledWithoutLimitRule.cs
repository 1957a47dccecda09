using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// WS5002: the fragments of a System.Net.WebSockets message are appended (MemoryStream, StringBuilder, List, ArrayBufferWriter,
/// string <c>+=</c>) until EndOfMessage, and nothing in the function compares the assembled size with a limit. Reported
/// on the first append of a fragment to each accumulator; the receive it appends from is the diagnostic's additional
/// location (the fix closes that socket).
/// </summary>
internal static class MessageAssembledWithoutLimitRule
{
    /// <summary>The member that measures the accumulator: Length, Count or WrittenCount.</summary>
    public const string SizeProperty = "Size";

    public static bool AppliesTo(WebSocketApis apis) => apis.WebSocket is not null && apis.Messages.ReceiveResult is not null;

    public static void Analyze(OperationBlockAnalysisContext context, WebSocketApis apis, ReceiveLoopCaches caches, Append append)
    {
        if (append.Operation.EnclosingFunction() is not { } body || !AssemblingFunctions.MayAssemble(apis.Id, body.Syntax))
        {
            return;
        }

        var function = caches.FunctionOf(body);
        if (!function.ReadsEndOfMessage || function.Receives.IsEmpty ||
            (append.MayNotBeInMemory && !Accumulators.HoldsMemoryStream(apis, append.Accumulator, function.Locals)) ||
            (append.Kind == AccumulatorKind.MemoryStream && Accumulators.IsFixedCapacity(append.Accumulator, function.Locals)))
        {
            return;
        }

        var fragments = function.Fragments ??= Fragments(function);
        if (Source(function, fragments, append) is not { } receive || HasEarlierAppend(apis, function, fragments, append))
        {
            return;
        }

        var received = function.Received ??= Flatten(fragments);
        if (Accumulators.HasSizeCheck(function, append.Accumulator, received))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(SizeProperty, SizeOf(append.Kind));
        context.Report(Diagnostic.Create(
            Descriptors.WS5002MessageAssembledWithoutLimit,
            append.Operation.Syntax.GetLocation(),
            new[] { receive.Invocation.Syntax.GetLocation() },
            properties,
            append.Accumulator.Name));
    }

    private static string SizeOf(AccumulatorKind kind) => kind switch
    {
        AccumulatorKind.List => "Count",
        AccumulatorKind.BufferWriter => "WrittenCount",
        _ => "Length",
    };

    private static List<ISymbol> Flatten(List<List<ISymbol>> fragments)
    {
        var received = new List<ISymbol>();
        foreach (var symbols in fragments)
        {
            received.AddRange(symbols);
        }

        return received;
    }

    /// <summary>Per receive of the function (same order): the variables that hold what it received, its result and the
    /// locals computed from them (<c>var copy = new byte[result.Count]</c>).</summary>
    private static List<List<ISymbol>> Fragments(ReceiveFunction function)
    {
        var all = new List<List<ISymbol>>(function.Receives.Length);
        foreach (var receive in function.Receives)
        {
            var symbols = new List<ISymbol>(receive.Buffers);
            if (receive.Result is not null)
            {
                symbols.Add(receive.Result);
            }

            for (var round = 0; round < 3; round++)
            {
                var known = symbols.Count;
                var locals = function.Locals;
                for (var l = 0; l < locals.Count; l++)
                {
                    var local = locals.LocalAt(l);
                    if (ReceiveSite.Contains(symbols, local))
                    {
                        continue;
                    }

                    foreach (var value in locals.OfLocalAt(l))
                    {
                        if (Accumulators.References(value, symbols))
                        {
                            symbols.Add(local);
                            break;
                        }
                    }
                }

                if (symbols.Count == known)
                {
                    break;
                }
            }

            all.Add(symbols);
        }

        return all;
    }

    /// <summary>The receive whose fragment <paramref name="append"/> appends, when both are repeated together (a loop
    /// around both, or a backward <c>goto</c> over both) and the accumulator outlives one repetition.</summary>
    private static ReceiveSite? Source(ReceiveFunction function, List<List<ISymbol>> fragments, Append append)
    {
        for (var i = 0; i < function.Receives.Length; i++)
        {
            var receive = function.Receives[i];
            if (Carries(append, receive, fragments[i]) && RepeatedTogether(function, append, receive))
            {
                return receive;
            }
        }

        return null;
    }

    private static bool Carries(Append append, ReceiveSite receive, List<ISymbol> fragment)
    {
        foreach (var value in append.Values)
        {
            if (Accumulators.References(value, fragment) || receive.Invocation.IsWithin(value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RepeatedTogether(ReceiveFunction function, Append append, ReceiveSite receive)
    {
        var declared = DeclarationStart(append.Accumulator, append.Operation.Syntax.SyntaxTree);
        for (var current = append.Operation.Parent; current is not null && current != function.Body; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return false;
            }

            if (current is ILoopOperation loop && receive.Invocation.IsWithin(loop) && declared < loop.Syntax.SpanStart)
            {
                return true;
            }
        }

        // goto READ; back over the receive and the append (a loop written with labels).
        var appendAt = append.Position;
        foreach (var operation in function.Outside)
        {
            if (operation.Kind == OperationKind.Branch && operation is IBranchOperation { BranchKind: BranchKind.GoTo } jump &&
                Label(function, jump.Target) is { } label)
            {
                var start = label.Syntax.SpanStart;
                var end = jump.Syntax.Span.End;
                if (start < receive.Position && receive.Position < end && start < appendAt && appendAt < end && declared < start)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ILabeledOperation? Label(ReceiveFunction function, ILabelSymbol target)
    {
        foreach (var operation in function.Outside)
        {
            if (operation.Kind == OperationKind.Labeled && operation is ILabeledOperation labeled &&
                SymbolEqualityComparer.Default.Equals(labeled.Label, target))
            {
                return labeled;
            }
        }

        return null;
    }

    /// <summary>Where a local is declared; -1 (before everything) for fields, properties and parameters, which outlive
    /// any loop of the function.</summary>
    private static int DeclarationStart(ISymbol accumulator, SyntaxTree tree)
    {
        if (accumulator is ILocalSymbol local)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == tree)
                {
                    return reference.Span.Start;
                }
            }
        }

        return -1;
    }

    /// <summary>True when a fragment is appended to the same accumulator earlier in the function: only the first append
    /// is reported.</summary>
    private static bool HasEarlierAppend(WebSocketApis apis, ReceiveFunction function, List<List<ISymbol>> fragments, Append append)
    {
        foreach (var operation in function.Outside)
        {
            if (operation.Kind is not (OperationKind.Invocation or OperationKind.CompoundAssignment) || operation.Syntax.SpanStart >= append.Position)
            {
                continue;
            }

            if (!Accumulators.TryGetAppend(apis, operation, out var other))
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(other.Accumulator, append.Accumulator) && Source(function, fragments, other) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
