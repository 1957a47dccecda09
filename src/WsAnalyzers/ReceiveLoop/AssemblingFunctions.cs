using Microsoft.CodeAnalysis;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// The text prefilter of WS5002, asked for every StringBuilder, List, stream and string append: can the function it is
/// in assemble a WebSocket message at all (its text mentions both ReceiveAsync and EndOfMessage)? The appends of one
/// function arrive one after the other, so the last answers are kept per thread, keyed by syntax and compilation number
/// (no operation tree or compilation is kept alive). A prefilter decides what to analyze, never what to report.
/// </summary>
internal static class AssemblingFunctions
{
    private const int RecentCapacity = 4;

    [System.ThreadStatic]
    private static (SyntaxNode? Syntax, int Compilation, bool MayAssemble)[]? t_recent;

    [System.ThreadStatic]
    private static int t_next;

    public static bool MayAssemble(int compilation, SyntaxNode function)
    {
        var recent = t_recent ??= new (SyntaxNode?, int, bool)[RecentCapacity];
        for (var i = 0; i < recent.Length; i++)
        {
            if (recent[i].Syntax == function && recent[i].Compilation == compilation)
            {
                return recent[i].MayAssemble;
            }
        }

        var mayAssemble = SourceSpans.Contains(function, "EndOfMessage") && SourceSpans.Contains(function, "ReceiveAsync");
        recent[t_next] = (function, compilation, mayAssemble);
        t_next = (t_next + 1) % RecentCapacity;
        return mayAssemble;
    }
}
