using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// A wait found on a path: the waiting call, its duration (null when the duration is not visible) and the operation of
/// the analysed function through which it runs (the call of the helper that waits, or the wait itself). Waits are
/// <c>Task.Delay</c>, <c>Thread.Sleep</c>, or an awaited call through a delegate that returns a task and is not an event
/// (a backoff strategy passed in, treated as a wait of unknown length, which gets the benefit of the doubt);
/// <see cref="FindAll"/> collects those before a reconnect. A delegate that returns <c>void</c> or is not awaited cannot
/// delay what follows it, and an event (<c>Closed?.Invoke(reason)</c>) is a notification: neither is a wait.
/// </summary>
internal readonly struct Delay
{
    public Delay(IOperation operation, IOperation? amount)
        : this(operation, amount, operation)
    {
    }

    public Delay(IOperation operation, IOperation? amount, IOperation site)
    {
        Operation = operation;
        Amount = amount;
        Site = site;
    }

    public IOperation Operation { get; }

    public IOperation? Amount { get; }

    /// <summary>Where the path passes the wait in the function it was found from.</summary>
    public IOperation Site { get; }

    /// <summary>True when <paramref name="invocation"/> waits; <paramref name="amount"/> is its duration argument, or null
    /// when the wait comes from a delegate whose length is not visible.</summary>
    public static bool IsDelay(WebSocketApis apis, IInvocationOperation invocation, out IOperation? amount)
    {
        amount = null;
        var method = invocation.TargetMethod;
        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            return IsAwaitedDelegateWait(apis, invocation);
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

    /// <summary>A call through a delegate that returns a task, awaited (or blocked on), and not an event's: a backoff
    /// strategy passed in from outside may wait there.</summary>
    private static bool IsAwaitedDelegateWait(WebSocketApis apis, IInvocationOperation invocation)
    {
        if (!apis.Threading.IsTaskLike(invocation.TargetMethod.ReturnType) || DelegateOf(invocation) is IEventReferenceOperation)
        {
            return false;
        }

        // `await wait(attempt)`, `await wait(attempt).ConfigureAwait(false)`, `wait(attempt).Wait()`, `...GetAwaiter().GetResult()`,
        // `await (wait?.Invoke(attempt) ?? Task.CompletedTask)`.
        IOperation current = invocation;
        while (true)
        {
            var parent = current.Parent;
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IConditionalAccessOperation:
                    current = parent;
                    continue;
                case ICoalesceOperation coalesce when coalesce.Value == current:
                    // `await (backoff?.Invoke(attempt) ?? Task.CompletedTask)`: waits whenever a strategy is set.
                    current = parent;
                    continue;
                case IAwaitOperation:
                    return true;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "GetAwaiter" } next when next.Instance == current:
                    current = next;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "Wait" or "GetResult" } blocking when blocking.Instance == current:
                    return true;
                case IPropertyReferenceOperation { Property.Name: "Result" } result when result.Instance == current:
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>The delegate an invocation calls through: its instance, or for <c>handler?.Invoke(...)</c> the operand of
    /// the conditional access.</summary>
    private static IOperation? DelegateOf(IInvocationOperation invocation)
    {
        var instance = invocation.Instance?.WithoutConversions();
        if (instance is not IConditionalAccessInstanceOperation)
        {
            return instance;
        }

        for (var parent = invocation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access)
            {
                return access.Operation.WithoutConversions();
            }
        }

        return null;
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

    /// <summary>Every wait in <paramref name="root"/> (and in source methods it calls) that starts before
    /// <paramref name="before"/>, skipping <paramref name="skip"/> and nested lambdas.</summary>
    public static ImmutableArray<Delay> FindAll(WebSocketApis apis, IOperation root, int before, IOperation? skip)
    {
        var builder = ImmutableArray.CreateBuilder<Delay>();
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        Collect(apis, root, before, skip, null, 0, visited, builder);
        return builder.ToImmutable();
    }

    private static void Collect(
        WebSocketApis apis, IOperation root, int before, IOperation? skip, IOperation? site, int depth, HashSet<IMethodSymbol> visited,
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
            if (!isDelay && (depth >= SourceCalls.MaxDepth || !SourceCalls.IsSourceCall(invocation)))
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
                delays.Add(new Delay(invocation, amount, site ?? invocation));
            }
            else if (SourceCalls.CalleeBody(invocation, visited) is { } body)
            {
                Collect(apis, body, int.MaxValue, null, site ?? invocation, depth + 1, visited, delays);
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
