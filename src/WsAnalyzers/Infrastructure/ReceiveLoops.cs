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

    /// <summary>True when <paramref name="scope"/> contains a WebSocket receive outside nested functions. Answered once per
    /// scope: every operation inside a loop asks about the same loop.</summary>
    public static bool Receives(this WebSocketApis apis, IOperation scope) =>
        apis.ReceivingScopes.GetValue(scope, s => apis.ScanForReceive(s) ? True : False) == True;

    private static readonly object True = new();
    private static readonly object False = new();

    private static bool ScanForReceive(this WebSocketApis apis, IOperation scope)
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
