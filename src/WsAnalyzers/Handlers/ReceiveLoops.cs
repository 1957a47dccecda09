using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Handlers;

/// <summary>Answers "is this operation inside a receive loop": a loop of the same function that calls ReceiveAsync.</summary>
internal static class ReceiveLoops
{
    /// <summary>The innermost loop of the same function that encloses <paramref name="operation"/> and receives from a WebSocket.</summary>
    public static ILoopOperation? FindEnclosingReceiveLoop(WebSocketApis apis, IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }

            if (current is ILoopOperation loop && ReceiveLoops.Receives(apis, loop))
            {
                return loop;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="scope"/> contains a WebSocket receive outside nested functions. Every operation
    /// inside a loop asks about the same few loops, one after the other: the last answers are kept per thread, keyed by
    /// syntax and compilation number so that no operation tree or compilation is kept alive by the cache.</summary>
    public static bool Receives(WebSocketApis apis, IOperation scope)
    {
        var recent = t_recent ??= new (SyntaxNode?, OperationKind, int, bool)[RecentCapacity];
        var syntax = scope.Syntax;
        for (var i = 0; i < recent.Length; i++)
        {
            if (recent[i].Syntax == syntax && recent[i].Kind == scope.Kind && recent[i].Compilation == apis.Id)
            {
                return recent[i].Receives;
            }
        }

        var receives = ReceiveLoops.ScanForReceive(apis, scope);
        recent[t_next] = (syntax, scope.Kind, apis.Id, receives);
        t_next = (t_next + 1) % RecentCapacity;
        return receives;
    }

    private const int RecentCapacity = 8;

    [System.ThreadStatic]
    private static (SyntaxNode? Syntax, OperationKind Kind, int Compilation, bool Receives)[]? t_recent;

    [System.ThreadStatic]
    private static int t_next;

    private static bool ScanForReceive(WebSocketApis apis, IOperation scope)
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
