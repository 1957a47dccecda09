using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;
using WsAnalyzers.Operations;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// WS5003: the bytes of one System.Net.WebSockets receive are decoded, deserialised or dispatched as a message
/// (<see cref="ByteUses"/>) in a function that never reads EndOfMessage.
/// </summary>
internal static class EndOfMessageNotCheckedRule
{
    public static bool AppliesTo(WebSocketApis apis) => apis.WebSocket is not null && apis.Messages.ReceiveResult is not null;

    public static void Analyze(OperationBlockAnalysisContext context, WebSocketApis apis, ReceiveLoopCaches caches, WebSocketCall receive)
    {
        if (receive.Library != SocketLibrary.SystemNet || receive.Invocation.EnclosingFunction() is not { } body)
        {
            return;
        }

        var function = caches.FunctionOf(body);
        if (function.ReadsEndOfMessage)
        {
            return;
        }

        foreach (var site in function.Receives)
        {
            if (site.Invocation == receive.Invocation)
            {
                var use = ByteUses.WholeMessageUse(apis, function, site);
                if (use != MessageUse.None)
                {
                    context.Report(Diagnostic.Create(
                        Descriptors.WS5003EndOfMessageNotChecked, receive.Invocation.Syntax.GetLocation(), Verb(use)));
                }

                return;
            }
        }
    }

    private static string Verb(MessageUse use) => use switch
    {
        MessageUse.Decoded => "decoded",
        MessageUse.Deserialised => "deserialised",
        _ => "dispatched",
    };
}
