using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WsAnalyzers.Prefilters;

/// <summary>
/// The relevance gate's search of a file's text (<see cref="WebSocketRelevance"/>): "ebsocket" (and whether a 'w' comes
/// before it), "signalr" and "ws://", letters in any case, in one pass. Nearly every file of a large application spells
/// none of them, and three searches of the runtime (two of them case-insensitive) read each text three times: this pass
/// compares the pairs "bs", "lr" and ":/" a vector of characters at a time and reads the words around the few pairs it
/// finds, which on the sparse corpus and on jellyfin costs a half to a third of those searches (docs/performance.md).
/// Letters are compared as ASCII: a name of a WebSocket API is spelled in ASCII letters, and C# compares names ordinally.
/// </summary>
internal static class MarkerSearch
{
    /// <summary>The text spells one of the markers.</summary>
    public const byte Marker = 1;

    /// <summary>The text spells "websocket" or "signalr", as every use of a contract API does.</summary>
    public const byte ApiName = 2;

    private const byte Everything = Marker | ApiName;

    // Run once per file of each compilation: too few calls for tiered compilation to optimise the loop while a build
    // lasts, so it is compiled optimised from the start (MethodImplOptions.AggressiveOptimization, not in netstandard2.0).
    [MethodImpl((MethodImplOptions)512)]
    public static byte Find(ReadOnlySpan<char> text)
    {
        byte found = 0;
        var i = 0;
        var width = Vector<ushort>.Count;
        if (Vector.IsHardwareAccelerated && text.Length > width + 1)
        {
            var bytes = MemoryMarshal.AsBytes(text);
            var lowerCase = new Vector<ushort>(0x20);
            var b = new Vector<ushort>('b');
            var s = new Vector<ushort>('s');
            var l = new Vector<ushort>('l');
            var r = new Vector<ushort>('r');
            var colon = new Vector<ushort>(':');
            var slash = new Vector<ushort>('/');
            for (var last = text.Length - width - 1; i <= last; i += width)
            {
                // Each character and the one after it; OR-ing 0x20 lowers an ASCII capital and maps nothing else onto a
                // lower-case letter.
                var first = MemoryMarshal.Read<Vector<ushort>>(bytes.Slice(2 * i));
                var second = MemoryMarshal.Read<Vector<ushort>>(bytes.Slice(2 * i + 2));
                var firstLower = first | lowerCase;
                var secondLower = second | lowerCase;
                var pairs =
                    (Vector.Equals(firstLower, b) & Vector.Equals(secondLower, s)) |
                    (Vector.Equals(firstLower, l) & Vector.Equals(secondLower, r)) |
                    (Vector.Equals(first, colon) & Vector.Equals(second, slash));
                if (pairs == Vector<ushort>.Zero)
                {
                    continue;
                }

                for (var at = i; at < i + width; at++)
                {
                    found |= MarkerAt(text, at);
                }

                if (found == Everything)
                {
                    return found;
                }
            }
        }

        for (; i < text.Length - 1 && found != Everything; i++)
        {
            found |= MarkerAt(text, i);
        }

        return found;
    }

    /// <summary>What the text spells around the pair of characters at <paramref name="at"/>.</summary>
    private static byte MarkerAt(ReadOnlySpan<char> text, int at)
    {
        var pairFirst = text[at];
        var pairSecond = text[at + 1];
        if (Is(pairFirst, 'b') && Is(pairSecond, 's'))
        {
            // (w)eb|socket
            return Spells(text, at - 1, "ebsocket")
                ? at >= 2 && Is(text[at - 2], 'w') ? Everything : Marker
                : (byte)0;
        }

        if (Is(pairFirst, 'l') && Is(pairSecond, 'r'))
        {
            // signa|lr
            return Spells(text, at - 5, "signalr") ? Everything : (byte)0;
        }

        // ws|://
        return pairFirst == ':' && pairSecond == '/' && at >= 2 && at + 2 < text.Length && text[at + 2] == '/' &&
               Is(text[at - 2], 'w') && Is(text[at - 1], 's')
            ? Marker
            : (byte)0;
    }

    /// <summary>The text spells <paramref name="lowerCaseWord"/> from <paramref name="start"/>, letters in any case.</summary>
    private static bool Spells(ReadOnlySpan<char> text, int start, string lowerCaseWord)
    {
        if (start < 0 || start + lowerCaseWord.Length > text.Length)
        {
            return false;
        }

        for (var i = 0; i < lowerCaseWord.Length; i++)
        {
            if (!Is(text[start + i], lowerCaseWord[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Is(char c, char lowerCaseLetter) => (c | 0x20) == lowerCaseLetter;
}
