using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Sending;

/// <summary>
/// Answers "does this send run in a loop that outlives the moment it started": an unbounded loop (<c>while (true)</c>,
/// <c>for (;;)</c>) or a loop that waits between its iterations (<c>Task.Delay</c>, <c>Thread.Sleep</c>,
/// <c>PeriodicTimer.WaitForNextTickAsync</c>). A heartbeat or a pump is such a loop: the socket it sends on can close
/// at any iteration, so neither a socket parameter ("the caller checked") nor an earlier accept or connect ("it was
/// just opened") vouches for its sends.
/// </summary>
internal static class LongLivedLoops
{
    /// <summary>The innermost long-lived loop around <paramref name="operation"/> within its own function, or null.</summary>
    public static ILoopOperation? Enclosing(ThreadingApis threading, IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return null;
            }

            if (current is ILoopOperation loop && IsLongLived(threading, loop))
            {
                return loop;
            }
        }

        return null;
    }

    public static bool IsLongLived(ThreadingApis threading, ILoopOperation loop) => IsUnbounded(loop) || Waits(threading, loop);

    private static bool IsUnbounded(ILoopOperation loop) => loop switch
    {
        IWhileLoopOperation whileLoop => IsConstantTrue(whileLoop.Condition),
        IForLoopOperation forLoop => forLoop.Condition is null || IsConstantTrue(forLoop.Condition),
        _ => false,
    };

    private static bool IsConstantTrue(IOperation? condition) =>
        condition is { ConstantValue: { HasValue: true, Value: true } };

    /// <summary>A wait in the loop's body or condition (not in a lambda it creates).</summary>
    private static bool Waits(ThreadingApis threading, ILoopOperation loop)
    {
        if (!SourceSpans.Contains(loop.Syntax, "Delay") && !SourceSpans.Contains(loop.Syntax, "Sleep") &&
            !SourceSpans.Contains(loop.Syntax, "WaitForNextTick"))
        {
            return false;
        }

        foreach (var descendant in loop.DescendantsOutsideFunctions())
        {
            if (descendant.Kind != OperationKind.Invocation)
            {
                continue;
            }

            var method = ((IInvocationOperation)descendant).TargetMethod;
            var isWait = method.Name switch
            {
                "Delay" => method.ContainingType.IsType(threading.Task),
                "Sleep" => method.ContainingType.IsType(threading.Thread),
                "WaitForNextTickAsync" => method.ContainingType.IsType(threading.PeriodicTimer),
                _ => false,
            };
            if (isWait)
            {
                return true;
            }
        }

        return false;
    }
}
