using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Apis;
using WsAnalyzers.Core;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// WS5001: a System.Net.WebSockets receive loop that never looks for the Close message, so after the peer closes it
/// takes the Close for a message and receives again (which throws), or spins when it swallows the exception. A loop whose
/// condition reads the socket's state is not reported: after a Close frame the state is CloseReceived and the loop ends
/// (<see cref="CloseChecks"/>).
/// </summary>
internal static class ReceiveLoopIgnoresCloseRule
{
    public static bool AppliesTo(WebSocketApis apis) => apis.WebSocket is not null && apis.Messages.MessageType is not null;

    public static void Analyze(OperationBlockAnalysisContext context, WebSocketApis apis, ReceiveLoopCaches caches, WebSocketCall receive)
    {
        if (receive.Library != SocketLibrary.SystemNet || ReceiveLoopFinder.Find(apis, caches, receive.Invocation) is not { } loop ||
            CloseChecks.StopsAfterClose(apis, loop))
        {
            return;
        }

        context.Report(Diagnostic.Create(
            Descriptors.WS5001ReceiveLoopIgnoresClose, receive.Invocation.Syntax.GetLocation(), SocketName(receive)));
    }

    private static string SocketName(WebSocketCall receive)
    {
        var text = receive.Socket?.Syntax.ToString();
        return string.IsNullOrEmpty(text) || text!.Length > 40 ? "ReceiveAsync" : text;
    }
}
