using System;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Prefilters;

/// <summary>
/// A cheap text prefilter for the compilation gate: every use of a contract API spells "websocket" (any case:
/// System.Net.WebSockets, Websocket.Client, WebSocketSharp, Fleck's IWebSocketConnection, AcceptWebSocketAsync)
/// or "SignalR" (its namespaces) somewhere in the compilation's source. It only decides whether rules run;
/// rules themselves match symbols, never names.
/// </summary>
internal static class SourceMentions
{
    private static readonly string[] Markers = { "websocket", "signalr" };

    public static bool AnyWebSocketApi(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (Mentions(tree))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the text of <paramref name="tree"/> spells "websocket" or "signalr" in any case.</summary>
    public static bool Mentions(SyntaxTree tree)
    {
        // A SourceText made from a string returns that string without copying, and an ordinal case-insensitive search
        // of a whole string is vectorised: several times faster than searching copied chunks.
        var text = tree.GetText().ToString();
        foreach (var marker in Markers)
        {
            if (text.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
