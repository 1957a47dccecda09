using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// The loop a receive is the receive loop of: the innermost <c>while</c>, <c>do</c> or <c>for(;;)</c> loop around it in
/// the same function, skipping the loops that only gather the fragments of one message (their condition, or a branch
/// that leaves them, reads EndOfMessage: a Close result has EndOfMessage set, so they end on it). A <c>foreach</c> or a
/// counted <c>for</c> around the receive is a request-response sequence, not a receive loop: none is returned.
/// </summary>
internal static class ReceiveLoopFinder
{
    public static ILoopOperation? Find(WebSocketApis apis, IOperation receive)
    {
        for (var current = receive.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
            {
                return null;
            }

            if (current is not ILoopOperation loop)
            {
                continue;
            }

            if (loop is IForEachLoopOperation || loop is IForLoopOperation { Condition: not null })
            {
                return null;
            }

            if (!GathersFragments(apis, loop))
            {
                return loop;
            }
        }

        return null;
    }

    /// <summary>The loop ends at the end of a message: its condition reads EndOfMessage, or an <c>if</c> on EndOfMessage
    /// leaves it.</summary>
    public static bool GathersFragments(WebSocketApis apis, ILoopOperation loop)
    {
        // Both tests read EndOfMessage inside the loop: a loop whose source cannot spell it reads it nowhere.
        if (!SourceSpans.MaySpell(loop.Syntax, "EndOfMessage"))
        {
            return false;
        }

        if (CloseChecks.LoopCondition(loop) is { } condition && ReadsEndOfMessage(apis, condition))
        {
            return true;
        }

        foreach (var operation in loop.Body.DescendantsOutsideFunctions())
        {
            if (operation.Kind == OperationKind.Conditional && operation is IConditionalOperation conditional &&
                ReadsEndOfMessage(apis, conditional.Condition) && BreaksOut(conditional.WhenTrue, loop))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsEndOfMessage(WebSocketApis apis, IOperation scope)
    {
        foreach (var operation in scope.DescendantsOutsideFunctions())
        {
            if (operation.Kind == OperationKind.PropertyReference && operation is IPropertyReferenceOperation { Property.Name: "EndOfMessage" } property &&
                apis.Messages.IsReceiveResult(property.Property.ContainingType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool BreaksOut(IOperation branch, ILoopOperation loop)
    {
        foreach (var operation in branch.DescendantsOutsideFunctions())
        {
            if (operation.Kind == OperationKind.Branch && operation is IBranchOperation { BranchKind: BranchKind.Break } jump &&
                SymbolEqualityComparer.Default.Equals(jump.Target, loop.ExitLabel))
            {
                return true;
            }
        }

        return false;
    }
}
