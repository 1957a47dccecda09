using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace WsAnalyzers.Infrastructure;

/// <summary>Answers whether a fix may introduce an await at an operation.</summary>
internal static class AsyncRewrite
{
    /// <summary>True when the operation is inside a lock statement of its function (await is not allowed there).</summary>
    public static bool IsInLock(IOperation operation, IOperation function)
    {
        for (var current = operation.Parent; current is not null && current != function; current = current.Parent)
        {
            if (current is ILockOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a non-async lambda whose delegate returns void and has no ref parameters: an event-handler
    /// lambda, which may become an async lambda without changing what its caller sees.</summary>
    public static bool CanBecomeAsyncVoid(IOperation function)
    {
        if (function is not IAnonymousFunctionOperation { Symbol: { IsAsync: false, ReturnsVoid: true } lambda })
        {
            return false;
        }

        foreach (var parameter in lambda.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType)
            {
                return false;
            }
        }

        return true;
    }
}
