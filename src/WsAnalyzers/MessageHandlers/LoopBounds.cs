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

    /// <summary>
    /// A busy wait: a <c>while</c>, <c>do</c> or <c>for (; cond; )</c> loop whose body does nothing (or only spins:
    /// <c>Thread.SpinWait</c>, <c>Thread.Yield</c>, <c>Thread.Sleep(0)</c>; or leaves: <c>if (_stop) break;</c>) and whose
    /// conditions only read fields, properties, locals and constants, with no call or assignment: nothing in the loop
    /// changes what it checks, another thread must (<c>while (!_ready) { }</c>,
    /// <c>while (socket.State == WebSocketState.Connecting) { }</c>, <c>while (true) { }</c>).
    /// </summary>
    public static bool IsSpinWait(this ILoopOperation loop, ThreadingApis threading)
    {
        IOperation? condition;
        switch (loop)
        {
            case IWhileLoopOperation @while:
                condition = @while.Condition;
                break;
            case IForLoopOperation { Before.Length: 0, AtLoopBottom.Length: 0 } @for:
                condition = @for.Condition;
                break;
            default:
                return false;
        }

        return IsIdle(loop.Body, threading) && (condition is null || IsPassive(condition));
    }

    private static bool IsIdle(IOperation body, ThreadingApis threading)
    {
        switch (body)
        {
            case IBlockOperation block:
                foreach (var statement in block.Operations)
                {
                    if (!IsIdle(statement, threading))
                    {
                        return false;
                    }
                }

                return true;
            case IEmptyOperation:
            case IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break }:
            case IReturnOperation { ReturnedValue: null }:
                return true;
            case IReturnOperation { ReturnedValue: { } returned }:
                return IsPassive(returned);
            case IConditionalOperation { WhenFalse: null } conditional:
                return IsPassive(conditional.Condition) && IsIdle(conditional.WhenTrue, threading);
            case IExpressionStatementOperation { Operation: IInvocationOperation invocation }:
                return invocation.TargetMethod.ContainingType.IsType(threading.Thread) && invocation.TargetMethod.Name switch
                {
                    "SpinWait" or "Yield" => true,
                    "Sleep" => invocation.Arguments.Length == 1 && invocation.Arguments[0].Value.WithoutConversions().ConstantValue is { HasValue: true, Value: 0 },
                    _ => false,
                };
            default:
                return false;
        }
    }

    /// <summary>The condition reads and compares, and changes nothing.</summary>
    private static bool IsPassive(IOperation condition)
    {
        foreach (var descendant in condition.DescendantsOutsideFunctions())
        {
            switch (descendant.Kind)
            {
                case OperationKind.FieldReference:
                case OperationKind.LocalReference:
                case OperationKind.ParameterReference:
                case OperationKind.InstanceReference:
                case OperationKind.Literal:
                case OperationKind.UnaryOperator:
                case OperationKind.BinaryOperator:
                case OperationKind.Parenthesized:
                case OperationKind.IsNull:
                case OperationKind.IsPattern:
                case OperationKind.ConstantPattern:
                case OperationKind.RelationalPattern:
                case OperationKind.NegatedPattern:
                case OperationKind.BinaryPattern:
                case OperationKind.TypePattern:
                case OperationKind.ConditionalAccess:
                case OperationKind.ConditionalAccessInstance:
                    break;
                case OperationKind.PropertyReference when ((IPropertyReferenceOperation)descendant).Arguments.IsEmpty:
                    break;
                case OperationKind.Conversion when ((IConversionOperation)descendant).OperatorMethod is null:
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

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
