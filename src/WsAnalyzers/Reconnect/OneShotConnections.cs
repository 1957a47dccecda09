using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Reconnect;

/// <summary>
/// Answers "is this connect part of a one-shot connection": the socket is a local created in the same function,
/// connected, used for exactly one send (not repeated by a loop inside its scope), closed or disposed there, never read in
/// a loop, and never handed anywhere else. Such a connection carries one message and is gone.
/// </summary>
internal static class OneShotConnections
{
    /// <summary>As <see cref="IsOneShotConnection(WebSocketApis, WebSocketCall, out IVariableDeclaratorOperation?, out IInvocationOperation?)"/>,
    /// answered once per connect call: WS1001/WS1002 and WS1005 both ask it about the same connect, and the answer walks
    /// the whole function.</summary>
    public static bool IsOneShotConnection(WebSocketApis apis, WebSocketCall connect, ref OneShotAnswer answer)
    {
        if (!answer.Known)
        {
            answer.IsOneShot = IsOneShotConnection(apis, connect, out var declaration, out var send);
            answer.Declaration = declaration;
            answer.Send = send;
            answer.Known = true;
        }

        return answer.IsOneShot;
    }

    /// <summary>Whether the connect is part of a one-shot connection; <paramref name="declaration"/> is the socket's
    /// declarator, <paramref name="send"/> the single send.</summary>
    public static bool IsOneShotConnection(
        WebSocketApis apis, WebSocketCall connect, out IVariableDeclaratorOperation? declaration, out IInvocationOperation? send)
    {
        declaration = null;
        send = null;
        if (connect.Socket is not ILocalReferenceOperation socket || connect.Invocation.EnclosingFunction() is not { } function)
        {
            return false;
        }

        // A one-shot connection sends once: a function whose source cannot spell a send method (every one is named
        // Send... or Broadcast...) has none, and is not walked. Asked before the socket's declaration is looked up (the
        // semantic model's GetOperation), since the answer is false either way.
        if (!SourceSpans.Contains(function.Syntax, "Send") && !SourceSpans.Contains(function.Syntax, "Broadcast") &&
            !SourceSpans.MaySpellIdentifiersDifferently(function.Syntax))
        {
            return false;
        }

        declaration = LocalDeclarations.DeclaratorOf(socket);
        if (declaration is null || !declaration.IsWithin(function) ||
            declaration.GetVariableInitializer()?.Value.WithoutConversions() is not IObjectCreationOperation)
        {
            return false;
        }

        var sends = 0;
        var closed = IsUsing(declaration);
        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            // Only these kinds can use the socket: the kind test is cheaper than the pattern's interface casts.
            if (descendant.Kind is not (OperationKind.Invocation or OperationKind.Argument or OperationKind.SimpleAssignment or OperationKind.Return or OperationKind.YieldReturn))
            {
                continue;
            }

            switch (descendant)
            {
                case IInvocationOperation invocation when SocketIdentity.AreSame(invocation.Instance, socket) ||
                                                          (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 &&
                                                           SocketIdentity.AreSame(invocation.Arguments[0].Value, socket)):
                    if (apis.TryClassify(invocation, out var call))
                    {
                        if (call.Kind == WebSocketCallKind.Send)
                        {
                            sends++;
                            send = invocation;
                        }

                        closed |= call.Kind == WebSocketCallKind.Close;
                        if (call.Kind is WebSocketCallKind.Send or WebSocketCallKind.Receive && InLoopWithout(invocation, declaration, function))
                        {
                            return false;
                        }
                    }
                    else if (invocation.TargetMethod.Name == "Dispose" && invocation.Arguments.Length == 0)
                    {
                        closed = true;
                    }

                    break;
                case IArgumentOperation argument when argument.Parent is IInvocationOperation owner && owner.TargetMethod.IsExtensionMethod &&
                                                      argument.Parameter?.Ordinal == 0 && SocketIdentity.AreSame(argument.Value, socket):
                    break;
                case IArgumentOperation argument when SocketIdentity.AreSame(argument.Value, socket):
                case ISimpleAssignmentOperation assignment when SocketIdentity.AreSame(assignment.Value, socket):
                case IReturnOperation @return when SocketIdentity.AreSame(@return.ReturnedValue, socket):
                    return false;
            }
        }

        return sends == 1 && closed;
    }

    private static bool IsUsing(IVariableDeclaratorOperation declarator)
    {
        for (var parent = declarator.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IUsingDeclarationOperation or IUsingOperation)
            {
                return true;
            }

            if (parent is IBlockOperation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>True when a loop between <paramref name="function"/> and <paramref name="operation"/> does not contain the
    /// socket's declaration: the operation repeats on the same socket.</summary>
    private static bool InLoopWithout(IOperation operation, IOperation declaration, IOperation function)
    {
        for (var parent = operation.Parent; parent is not null && parent != function; parent = parent.Parent)
        {
            if (parent is ILoopOperation loop && !declaration.IsWithin(loop))
            {
                return true;
            }
        }

        return false;
    }
}
