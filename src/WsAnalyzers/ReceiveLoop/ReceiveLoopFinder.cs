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
    public static ILoopOperation? Find(WebSocketApis apis, IOperation receive) => Find(apis, new ReceiveLoopCaches(apis), receive);

    /// <summary>As <see cref="Find(WebSocketApis, IOperation)"/>, with the scans of the compilation's analysis.</summary>
    public static ILoopOperation? Find(WebSocketApis apis, ReceiveLoopCaches caches, IOperation receive)
    {
        ReceiveFunction? function = null;
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

            if (!GathersFragments(apis, caches, receive, loop, ref function))
            {
                return loop;
            }
        }

        return null;
    }

    /// <summary>The loop ends at the end of a message: its condition reads EndOfMessage, or an <c>if</c> on EndOfMessage
    /// leaves it. The loop is in the function of <paramref name="receive"/>, outside its lambdas: the conditionals of its
    /// body outside lambdas are those of the function's scan within the body (asked for at the first loop that needs
    /// them), so the body is not walked again.</summary>
    private static bool GathersFragments(WebSocketApis apis, ReceiveLoopCaches caches, IOperation receive, ILoopOperation loop, ref ReceiveFunction? function)
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

        function ??= caches.FunctionOf(receive.EnclosingFunction()!);
        if (function.Conditionals is not { } conditionals)
        {
            return false;
        }

        var body = loop.Body;
        foreach (var operation in conditionals)
        {
            if (operation.IsWithin(body) && operation is IConditionalOperation conditional &&
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
