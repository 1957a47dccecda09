using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Infrastructure;

/// <summary>
/// Text prefilters over a node's source span: "can this loop or type contain a send / connect at all". Scanning the
/// characters is several times cheaper than walking the node's operations or syntax, and comments or strings only
/// make a prefilter say yes more often. A prefilter decides what to analyze, never what to report.
/// </summary>
internal static class SourceSpans
{
    /// <summary>True when the source text of <paramref name="node"/> contains <paramref name="word"/> (ordinal).</summary>
    public static bool Contains(SyntaxNode node, string word)
    {
        var text = node.SyntaxTree.GetText();
        var span = node.Span;
        var last = span.End - word.Length;
        var first = word[0];
        for (var i = span.Start; i <= last; i++)
        {
            if (text[i] != first)
            {
                continue;
            }

            var matched = 1;
            while (matched < word.Length && text[i + matched] == word[matched])
            {
                matched++;
            }

            if (matched == word.Length)
            {
                return true;
            }
        }

        return false;
    }
}
