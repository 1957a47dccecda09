using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.MessageHandlers;

/// <summary>Recognises the calls that block the calling thread until something else happens.</summary>
internal static class BlockingCalls
{
    public static BlockingKind Classify(ThreadingApis threading, IOperation operation)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: "Result" } property
                when property.Property.ContainingType.IsType(threading.TaskOfT) || property.Property.ContainingType.IsType(threading.ValueTaskOfT):
                return IsKnownComplete(threading, property.Instance, property) ? BlockingKind.None : BlockingKind.Result;
            case IInvocationOperation invocation:
                return Classify(threading, invocation);
            default:
                return BlockingKind.None;
        }
    }

    private static BlockingKind Classify(ThreadingApis threading, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var name = method.Name;

        // Every blocking call starts with S(leep), W(ait...) or G(etResult): most calls are ruled out without a string switch.
        if (name.Length == 0 || name[0] is not ('S' or 'W' or 'G'))
        {
            return BlockingKind.None;
        }

        var type = method.ContainingType;
        switch (name)
        {
            case "Sleep" when type.IsType(threading.Thread) && !IsZero(invocation):
                return BlockingKind.Sleep;
            case "Wait" when type.IsType(threading.Task) && !method.IsStatic:
                return IsKnownComplete(threading, invocation.Instance, invocation) ? BlockingKind.None
                    : invocation.Arguments.Length == 0 ? BlockingKind.Wait : BlockingKind.Other;
            case "WaitAll" when type.IsType(threading.Task):
                return method.ReturnsVoid && method.Parameters.Length == 1 ? BlockingKind.WaitAll : BlockingKind.Other;
            case "WaitAny" when type.IsType(threading.Task):
                return BlockingKind.Other;
            case "GetResult" when threading.IsAwaiter(type):
                var awaiterSource = invocation.Instance?.WithoutConversions() as IInvocationOperation;
                return IsKnownComplete(threading, awaiterSource?.Instance, invocation) ? BlockingKind.None
                    : awaiterSource is { TargetMethod.Name: "GetAwaiter", Instance: not null } ? BlockingKind.GetResult : BlockingKind.Other;
            case "Wait" when type.IsType(threading.SemaphoreSlim):
                return IsZero(invocation) ? BlockingKind.None : BlockingKind.SemaphoreWait;
            case "Wait" when type.IsType(threading.ManualResetEventSlim) || type.IsType(threading.CountdownEvent):
            case "WaitOne" or "WaitAll" or "WaitAny" when type.IsOrInheritsFrom(threading.WaitHandle):
                return IsZero(invocation) ? BlockingKind.None : BlockingKind.Other;
            default:
                return BlockingKind.None;
        }
    }

    /// <summary>A zero timeout (Wait(0), WaitOne(0), Sleep(0)) polls instead of blocking.</summary>
    private static bool IsZero(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name is "millisecondsTimeout" or "timeout" &&
                argument.Value.WithoutConversions().ConstantValue is { HasValue: true, Value: 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the task is a local or parameter (or an element of one) that the function has already awaited
    /// (<c>await Task.WhenAll(a, b); a.Result</c>) or whose completion it checks (<c>if (t.IsCompleted) ... t.Result</c>): reading it does not block.
    /// </summary>
    private static bool IsKnownComplete(ThreadingApis threading, IOperation? task, IOperation use)
    {
        var receiver = task?.WithoutConversions();
        if (receiver is IArrayElementReferenceOperation element)
        {
            receiver = element.ArrayReference.WithoutConversions();
        }

        var symbol = receiver switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (symbol is null || use.EnclosingFunction() is not { } function)
        {
            return false;
        }

        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            if (descendant.Syntax.SpanStart >= use.Syntax.SpanStart || !SymbolEqualityComparer.Default.Equals(descendant.ReferencedSymbol(), symbol) ||
                descendant is not (ILocalReferenceOperation or IParameterReferenceOperation))
            {
                continue;
            }

            for (var parent = descendant.Parent; parent is not null && parent != function; parent = parent.Parent)
            {
                if (parent is IAwaitOperation ||
                    parent is IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully" } property && threading.IsTaskLike(property.Property.ContainingType))
                {
                    return true;
                }

                if (parent is IBlockOperation or IExpressionStatementOperation or IVariableDeclarationGroupOperation)
                {
                    break;
                }
            }
        }

        return false;
    }
}
