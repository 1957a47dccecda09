using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

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
    private const int ChunkSize = 8192;

    public static bool AnyWebSocketApi(Compilation compilation)
    {
        var buffer = new char[ChunkSize];
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (Contains(tree.GetText(), buffer))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(SourceText text, char[] buffer)
    {
        const int overlap = 7; // longest marker minus one, so a marker split across chunks is still found
        var position = 0;
        while (position < text.Length)
        {
            var count = Math.Min(buffer.Length, text.Length - position);
            text.CopyTo(position, buffer, 0, count);
            var chunk = new string(buffer, 0, count);
            foreach (var marker in Markers)
            {
                if (chunk.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            if (position + count >= text.Length)
            {
                break;
            }

            position += count - overlap;
        }

        return false;
    }
}
