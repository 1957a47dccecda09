using System;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Prefilters;

/// <summary>
/// Text prefilters over a node's source span: "can this loop or type contain a send / connect at all". Scanning the
/// characters is several times cheaper than walking the node's operations or syntax, and comments or strings only
/// make a prefilter say yes more often. A prefilter decides what to analyze, never what to report.
/// </summary>
internal static class SourceSpans
{
    private const int ChunkSize = 4096;

    [ThreadStatic]
    private static char[]? t_buffer;

    /// <summary>True when the source text of <paramref name="node"/> contains <paramref name="word"/> (ordinal).</summary>
    public static bool Contains(SyntaxNode node, string word)
    {
        var text = node.SyntaxTree.GetText();
        var span = node.Span;
        var buffer = t_buffer ??= new char[ChunkSize];
        var position = span.Start;
        while (position < span.End)
        {
            var count = Math.Min(buffer.Length, span.End - position);
            text.CopyTo(position, buffer, 0, count);
            if (Contains(buffer, count, word))
            {
                return true;
            }

            if (position + count >= span.End)
            {
                return false;
            }

            // Step back so that a word split across two chunks is still found.
            position += count - (word.Length - 1);
        }

        return false;
    }

    private static bool Contains(char[] buffer, int count, string word)
    {
        var last = count - word.Length;
        for (var start = 0; start <= last;)
        {
            // Array.IndexOf on chars is vectorised by the runtime.
            var hit = Array.IndexOf(buffer, word[0], start, last - start + 1);
            if (hit < 0)
            {
                return false;
            }

            var matched = 1;
            while (matched < word.Length && buffer[hit + matched] == word[matched])
            {
                matched++;
            }

            if (matched == word.Length)
            {
                return true;
            }

            start = hit + 1;
        }

        return false;
    }
}
