using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.Infrastructure;

/// <summary>Answers "is this operation inside a receive loop": a loop of the same function that calls ReceiveAsync.</summary>
internal static class ReceiveLoops
{
    /// <summary>The innermost loop of the same function that encloses <paramref name="operation"/> and receives from a WebSocket.</summary>
    public static ILoopOperation? FindEnclosingReceiveLoop(this WebSocketApis apis, IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }

            if (current is ILoopOperation loop && apis.Receives(loop))
            {
                return loop;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="scope"/> contains a WebSocket receive outside nested functions.</summary>
    public static bool Receives(this WebSocketApis apis, IOperation scope)
    {
        foreach (var descendant in scope.DescendantsOutsideFunctions())
        {
            if (descendant is IInvocationOperation invocation && apis.IsReceive(invocation, out _))
            {
                return true;
            }
        }

        return false;
    }
}
