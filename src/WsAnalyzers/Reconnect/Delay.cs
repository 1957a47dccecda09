using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// A wait found on a path: the waiting call and its duration (null when the duration is not visible). Waits are
/// <c>Task.Delay</c>, <c>Thread.Sleep</c>, or a delegate invocation whose body the analyzer cannot see (treated as a wait
/// of unknown length, which gets the benefit of the doubt); <see cref="FindAll"/> collects those before a reconnect.
/// </summary>
internal readonly struct Delay
{
    public Delay(IOperation operation, IOperation? amount)
    {
        Operation = operation;
        Amount = amount;
    }

    public IOperation Operation { get; }

    public IOperation? Amount { get; }

    /// <summary>True when <paramref name="invocation"/> waits; <paramref name="amount"/> is its duration argument, or null
    /// when the wait comes from a delegate whose length is not visible.</summary>
    public static bool IsDelay(WebSocketApis apis, IInvocationOperation invocation, out IOperation? amount)
    {
        amount = null;
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            // An awaited (or blocking) call through a delegate: a backoff strategy passed in from outside.
            return method.ReturnType.IsOrInheritsFrom(apis.Task) || method.ReturnsVoid;
        }

        var isDelay = (method.Name == "Delay" && method.IsStatic && method.ContainingType.IsType(apis.Task)) ||
                      (method.Name == "Sleep" && method.IsStatic && method.ContainingType.IsType(apis.Thread));
        if (!isDelay || invocation.Arguments.Length == 0)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                amount = argument.Value;
            }
        }

        return amount is not null;
    }

    /// <summary>True when the amount waits for ever (<c>Timeout.Infinite</c>, <c>Timeout.InfiniteTimeSpan</c>, -1): a parked
    /// loop, not a retry delay.</summary>
    public static bool IsInfinite(WebSocketApis apis, IOperation amount)
    {
        var value = amount.WithoutConversions();
        if (value.ConstantValue is { HasValue: true, Value: int or long } constant)
        {
            return System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture) < 0;
        }

        return value is IFieldReferenceOperation { Field: { Name: "InfiniteTimeSpan", IsStatic: true } field } && field.ContainingType.IsType(apis.ThreadingTimeout);
    }

    /// <summary>True when the amount is a constant zero (<c>Task.Delay(0)</c>, <c>TimeSpan.Zero</c>): no wait at all.</summary>
    public static bool IsZero(WebSocketApis apis, IOperation amount)
    {
        var value = amount.WithoutConversions();
        if (value.ConstantValue is { HasValue: true, Value: var constant })
        {
            return constant is 0 or 0L or 0d;
        }

        return value is IFieldReferenceOperation { Field: { Name: "Zero", IsStatic: true } field } && field.ContainingType.IsType(apis.TimeSpan);
    }

    /// <summary>Every wait in <paramref name="root"/> (and in same-type methods it calls) that starts before
    /// <paramref name="before"/>, skipping <paramref name="skip"/> and nested lambdas. <paramref name="caller"/>, when
    /// known, is the member <paramref name="root"/> is written in.</summary>
    public static ImmutableArray<Delay> FindAll(WebSocketApis apis, IOperation root, int before, IOperation? skip, ISymbol? caller = null)
    {
        var builder = ImmutableArray.CreateBuilder<Delay>();
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        Collect(apis, root, before, skip, caller, 0, visited, builder);
        return builder.ToImmutable();
    }

    private static void Collect(
        WebSocketApis apis, IOperation root, int before, IOperation? skip, ISymbol? caller, int depth, HashSet<IMethodSymbol> visited,
        ImmutableArray<Delay>.Builder delays)
    {
        foreach (var descendant in root.DescendantsOutsideFunctions())
        {
            if (descendant.Kind != OperationKind.Invocation || descendant is not IInvocationOperation invocation || invocation == skip ||
                invocation.Syntax.SpanStart >= before)
            {
                continue;
            }

            var isDelay = Delay.IsDelay(apis, invocation, out var amount);
            if (!isDelay && (depth >= SameTypeCalls.MaxDepth || !SameTypeCalls.IsSameTypeCall(invocation, depth == 0 ? caller : null)))
            {
                continue;
            }

            if (depth == 0 && skip is not null && InInnerLoopWithout(invocation, root, skip))
            {
                // A heartbeat or polling wait in a loop nested in the region runs while connected, not before a retry.
                continue;
            }

            if (isDelay)
            {
                delays.Add(new Delay(invocation, amount));
            }
            else if (SameTypeCalls.CalleeBody(invocation, visited) is { } body)
            {
                Collect(apis, body, int.MaxValue, null, null, depth + 1, visited, delays);
            }
        }
    }

    private static bool InInnerLoopWithout(IOperation operation, IOperation root, IOperation reconnect)
    {
        for (var parent = operation.Parent; parent is not null && parent != root; parent = parent.Parent)
        {
            if (parent is ILoopOperation loop && !reconnect.IsWithin(loop))
            {
                return true;
            }
        }

        return false;
    }
}
