using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.MessageHandlers;

/// <summary>What bounds a loop: its condition or collection, a constant iteration count, or nothing at all.</summary>
internal static class LoopBounds
{
    /// <summary>The expression that decides how often the loop runs: a for/while condition or a foreach collection.</summary>
    public static IOperation? BoundExpression(this ILoopOperation loop) => loop switch
    {
        IForLoopOperation @for => @for.Condition,
        IWhileLoopOperation @while => @while.Condition,
        IForEachLoopOperation forEach => forEach.Collection,
        _ => null,
    };

    /// <summary><c>while (true)</c>, <c>do { } while (true)</c> and <c>for (;;)</c>.</summary>
    public static bool IsInfinite(this ILoopOperation loop) => loop switch
    {
        IForLoopOperation @for => @for.Condition is null || IsTrue(@for.Condition),
        IWhileLoopOperation @while => @while.Condition is not null && IsTrue(@while.Condition),
        _ => false,
    };

    /// <summary>The largest integer constant that bounds the loop (a for condition or start value, a constant array,
    /// <c>Enumerable.Range(start, count)</c>), or null when the bound is not a constant.</summary>
    public static long? ConstantBound(this ILoopOperation loop, ThreadingApis threading)
    {
        switch (loop)
        {
            case IForLoopOperation { Condition: IBinaryOperation condition } @for:
                var bound = Max(Constant(condition.LeftOperand), Constant(condition.RightOperand));
                if (bound is null)
                {
                    return null;
                }

                foreach (var before in @for.Before)
                {
                    foreach (var descendant in before.DescendantsOutsideFunctions())
                    {
                        if (descendant is IVariableInitializerOperation initializer)
                        {
                            bound = Max(bound, Constant(initializer.Value));
                        }
                    }
                }

                return bound;
            case IForEachLoopOperation forEach:
                return forEach.Collection.WithoutConversions() switch
                {
                    IArrayCreationOperation { DimensionSizes.Length: 1 } array => Constant(array.DimensionSizes[0]),
                    IInvocationOperation { TargetMethod.Name: "Range", Arguments.Length: 2 } range
                        when range.TargetMethod.ContainingType.IsType(threading.Enumerable) => Constant(range.Arguments[1].Value),
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>True when the loop awaits somewhere in its own body (outside nested lambdas): it yields the thread.</summary>
    public static bool Awaits(this ILoopOperation loop)
    {
        foreach (var descendant in loop.DescendantsOutsideFunctions())
        {
            if (YieldsThread(descendant))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An await, an await foreach or an await using. The kind is read first: loop walks ask this of every
    /// operation, and most are none of the four.</summary>
    public static bool YieldsThread(IOperation operation) => operation.Kind switch
    {
        OperationKind.Await => true,
        OperationKind.Loop => operation is IForEachLoopOperation { IsAsynchronous: true },
        OperationKind.Using => ((IUsingOperation)operation).IsAsynchronous,
        OperationKind.UsingDeclaration => ((IUsingDeclarationOperation)operation).IsAsynchronous,
        _ => false,
    };

    private static bool IsTrue(IOperation condition) => condition.ConstantValue is { HasValue: true, Value: true };

    private static long? Constant(IOperation? operation) =>
        operation?.WithoutConversions().ConstantValue is { HasValue: true, Value: { } value } && value is int or long or short or uint or ushort
            ? System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static long? Max(long? left, long? right) =>
        left is null ? right : right is null ? left : System.Math.Max(left.Value, right.Value);
}
