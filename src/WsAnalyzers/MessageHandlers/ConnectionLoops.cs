using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using WsAnalyzers.Apis;
using WsAnalyzers.Operations;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.MessageHandlers;

/// <summary>
/// Tells a connection loop from a receive loop. <c>while (!stop) { connect; while (open) { receive; handle } close }</c>
/// contains a receive, but it runs once per connection, not once per message: its connect, its close, and the back-off
/// in its catch are not on a message handler's path; only the nested loop is. A loop that receives in its own body
/// (<c>while (open) { do { receive } while (!end); handle }</c>, or one that reconnects and receives in the same body)
/// runs once per message and stays a receive loop.
/// </summary>
internal static class ConnectionLoops
{
    /// <summary>True when <paramref name="loop"/> connects and every receive in it is inside a nested loop.</summary>
    public static bool ReceivesOnlyInNestedLoops(WebSocketApis apis, ILoopOperation loop)
    {
        // The cheap test first: almost every receive loop has no connect (Connect, Reconnect, Start) in it.
        if (!SourceSpans.Contains(loop.Syntax, "onnect") && !SourceSpans.Contains(loop.Syntax, "Start"))
        {
            return false;
        }

        var connects = false;
        foreach (var descendant in loop.Body.DescendantsOutsideFunctions())
        {
            if (descendant.Kind != OperationKind.Invocation)
            {
                continue;
            }

            var invocation = (IInvocationOperation)descendant;
            if (!apis.TryClassify(invocation, out var call))
            {
                continue;
            }

            if (call.Kind == WebSocketCallKind.Connect)
            {
                connects = true;
            }
            else if (call.Kind == WebSocketCallKind.Receive && !InNestedLoop(invocation, loop))
            {
                return false;
            }
        }

        return connects;
    }

    private static bool InNestedLoop(IOperation operation, ILoopOperation loop)
    {
        for (var current = operation.Parent; current is not null && current != loop; current = current.Parent)
        {
            if (current.Kind == OperationKind.Loop)
            {
                return true;
            }
        }

        return false;
    }
}
