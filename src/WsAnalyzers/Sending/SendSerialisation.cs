using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>Answers "is this send awaited where it is made, and is it serialised with the socket's other sends".</summary>
internal static class SendSerialisation
{
    /// <summary>How the task a send returns is used.</summary>
    public enum TaskUse
    {
        /// <summary>Awaited (or waited for), returned to the caller, or stored in a local that the function awaits later.</summary>
        Awaited,

        /// <summary>Dropped: an expression statement or <c>_ = ...</c>.</summary>
        Discarded,

        /// <summary>Kept somewhere (a field, a list, an argument) without an await in this function.</summary>
        Stored,
    }

    public static TaskUse UseOf(IInvocationOperation send)
    {
        IOperation current = send;
        while (current.Parent is IConversionOperation or IParenthesizedOperation ||
               current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" or "AsTask" } wrapper && wrapper.Instance == current)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IAwaitOperation or IReturnOperation:
            case IInvocationOperation { TargetMethod.Name: "Wait" or "GetAwaiter" } blocking when blocking.Instance == current:
                return TaskUse.Awaited;
            case IExpressionStatementOperation:
            case ISimpleAssignmentOperation { Target: IDiscardOperation }:
                return TaskUse.Discarded;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return IsAwaitedLater(declarator.Symbol, send) ? TaskUse.Awaited : TaskUse.Stored;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local }:
                return IsAwaitedLater(local.Local, send) ? TaskUse.Awaited : TaskUse.Stored;
            default:
                return TaskUse.Stored;
        }
    }

    /// <summary>True when a SemaphoreSlim wait comes earlier in the send's function, or a lock encloses the send.</summary>
    public static bool IsSerialised(ThreadingApis threading, IInvocationOperation send)
    {
        if (send.EnclosingFunction() is not { } function)
        {
            return false;
        }

        for (var current = send.Parent; current is not null && current != function; current = current.Parent)
        {
            if (current is ILockOperation)
            {
                return true;
            }
        }

        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            if (descendant is IInvocationOperation { TargetMethod.Name: "WaitAsync" or "Wait" } wait &&
                wait.TargetMethod.ContainingType.IsType(threading.SemaphoreSlim) && wait.Syntax.SpanStart < send.Syntax.SpanStart)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAwaitedLater(ILocalSymbol local, IOperation send)
    {
        if (send.EnclosingFunction() is not { } function)
        {
            return false;
        }

        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) &&
                descendant.Syntax.SpanStart > send.Syntax.SpanStart)
            {
                for (var parent = descendant.Parent; parent is not null && parent != function; parent = parent.Parent)
                {
                    if (parent is IAwaitOperation)
                    {
                        return true;
                    }

                    if (parent is IBlockOperation or IExpressionStatementOperation)
                    {
                        break;
                    }
                }
            }
        }

        return false;
    }
}
