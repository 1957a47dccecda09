using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Sending;

/// <summary>
/// Answers "was this socket just connected, accepted or read from in the same function": a receive, connect or
/// accept of the same socket that comes earlier in the function's text, or shares a loop with the operation.
/// </summary>
internal static class SocketHistory
{
    public static bool FollowsReceiveConnectOrAccept(WebSocketApis apis, IOperation operation, IOperation? socket)
    {
        if (socket is null || operation.EnclosingFunction() is not { } function)
        {
            return false;
        }

        foreach (var descendant in function.DescendantsOutsideFunctions())
        {
            if (descendant is not IInvocationOperation invocation || invocation == operation ||
                !apis.TryClassify(invocation, out var call))
            {
                continue;
            }

            var relevant = call.Kind switch
            {
                WebSocketCallKind.Receive or WebSocketCallKind.Connect => SocketIdentity.AreSame(call.Socket, socket),
                WebSocketCallKind.Accept => apis.ReceivesAcceptedSocket(invocation, socket),
                _ => false,
            };
            if (relevant && (invocation.Syntax.SpanStart < operation.Syntax.SpanStart || ShareLoop(invocation, operation)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ShareLoop(IOperation first, IOperation second)
    {
        for (var current = first.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (current is ILoopOperation loop && second.IsWithin(loop))
            {
                return true;
            }
        }

        return false;
    }
}
