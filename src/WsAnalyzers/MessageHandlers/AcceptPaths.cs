using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// Answers "does this operation serve an accepted connection": it follows an awaited accept
/// (<c>using var socket = await context.WebSockets.AcceptWebSocketAsync();</c>) in the same function, in a later statement
/// of a block that holds the accept or in the body of a <c>using</c> whose resource it is. From the accept on, the
/// function is the connection's processing path until it returns, like an open handler: a spin or a blocking wait there
/// holds the connection and a thread-pool thread. An accept that is not awaited (or read with <c>.Result</c>) hands the
/// connection to a callback, and the code after it does not serve the connection.
/// </summary>
internal static class AcceptPaths
{
    public static bool Follows(WebSocketApis apis, IOperation operation, IOperation function)
    {
        if (!MayAccept(apis, function))
        {
            return false;
        }

        var child = operation;
        for (var parent = operation.Parent; parent is not null && child != function; child = parent, parent = parent.Parent)
        {
            switch (parent.Kind)
            {
                case OperationKind.Block:
                    foreach (var statement in ((IBlockOperation)parent).Operations)
                    {
                        if (statement == child)
                        {
                            break;
                        }

                        if (HasAwaitedAccept(apis, statement))
                        {
                            return true;
                        }
                    }

                    break;
                case OperationKind.Using when parent is IUsingOperation @using && child == @using.Body && HasAwaitedAccept(apis, @using.Resources):
                    return true;
            }
        }

        return false;
    }

    private static bool HasAwaitedAccept(WebSocketApis apis, IOperation scope)
    {
        foreach (var descendant in scope.DescendantsOutsideFunctions())
        {
            if (descendant.Kind == OperationKind.Invocation && IsAwaitedAccept(apis, (IInvocationOperation)descendant))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAwaitedAccept(WebSocketApis apis, IInvocationOperation invocation)
    {
        if (!invocation.TargetMethod.Name.StartsWith("Accept", StringComparison.Ordinal) ||
            !apis.TryClassify(invocation, out var call) || call.Kind != WebSocketCallKind.Accept)
        {
            return false;
        }

        IOperation current = invocation;
        while (current.Parent is IConversionOperation or IParenthesizedOperation ||
               current.Parent is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" })
        {
            current = current.Parent;
        }

        return current.Parent is IAwaitOperation or IPropertyReferenceOperation { Property.Name: "Result" };
    }

    /// <summary>The text prefilter: a function whose source never says "Accept" accepts nothing. The last answers are kept
    /// per thread (a function's candidates ask one after the other), keyed by syntax and compilation number so that no
    /// operation tree or compilation is kept alive.</summary>
    private static bool MayAccept(WebSocketApis apis, IOperation function)
    {
        var syntax = function.Syntax;
        var recent = t_recent ??= new (SyntaxNode?, int, bool)[RecentCapacity];
        for (var i = 0; i < recent.Length; i++)
        {
            if (recent[i].Syntax == syntax && recent[i].Compilation == apis.Id)
            {
                return recent[i].MayAccept;
            }
        }

        var mayAccept = SourceSpans.Contains(syntax, "Accept");
        recent[t_next] = (syntax, apis.Id, mayAccept);
        t_next = (t_next + 1) % RecentCapacity;
        return mayAccept;
    }

    private const int RecentCapacity = 4;

    [ThreadStatic]
    private static (SyntaxNode? Syntax, int Compilation, bool MayAccept)[]? t_recent;

    [ThreadStatic]
    private static int t_next;
}
