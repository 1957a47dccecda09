using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Reconnect;

/// <summary>Recognises a wait on a path: <c>Task.Delay</c>, <c>Thread.Sleep</c>, or a delegate invocation whose body the
/// analyzer cannot see (treated as a wait of unknown length, which gets the benefit of the doubt).</summary>
internal static class Delays
{
    /// <summary>True when <paramref name="invocation"/> waits; <paramref name="amount"/> is its duration argument, or null
    /// when the wait comes from a delegate whose length is not visible.</summary>
    public static bool IsDelay(this WebSocketApis apis, IInvocationOperation invocation, out IOperation? amount)
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
    public static bool IsInfinite(this WebSocketApis apis, IOperation amount)
    {
        var value = amount.WithoutConversions();
        if (value.ConstantValue is { HasValue: true, Value: int or long } constant)
        {
            return System.Convert.ToInt64(constant.Value, System.Globalization.CultureInfo.InvariantCulture) < 0;
        }

        return value is IFieldReferenceOperation { Field: { Name: "InfiniteTimeSpan", IsStatic: true } field } && field.ContainingType.IsType(apis.ThreadingTimeout);
    }

    /// <summary>True when the amount is a constant zero (<c>Task.Delay(0)</c>, <c>TimeSpan.Zero</c>): no wait at all.</summary>
    public static bool IsZero(this WebSocketApis apis, IOperation amount)
    {
        var value = amount.WithoutConversions();
        if (value.ConstantValue is { HasValue: true, Value: var constant })
        {
            return constant is 0 or 0L or 0d;
        }

        return value is IFieldReferenceOperation { Field: { Name: "Zero", IsStatic: true } field } && field.ContainingType.IsType(apis.TimeSpan);
    }
}
