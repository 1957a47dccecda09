using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// The text prefilter of the whole family, asked once per operation block: can the block hold a ReceiveAsync call at all
/// (its source spells "ReceiveAsync", or a Unicode escape that could spell it in an identifier)? A prefilter decides what
/// to analyze, never what to report.
/// </summary>
internal static class ReceivingBodies
{
    public static bool MayReceive(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            if (MaySpell(block.Syntax, "ReceiveAsync"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The source of <paramref name="node"/> contains <paramref name="word"/>, or a Unicode escape (<c>\u</c>,
    /// <c>\U</c>) that could spell it in an identifier: one look-up of the file's text instead of one per search.</summary>
    public static bool MaySpell(SyntaxNode node, string word)
    {
        var text = SourceSpans.TextOf(node.SyntaxTree);
        var span = node.Span;
        if (text.IndexOf(word, span.Start, span.Length, StringComparison.Ordinal) >= 0)
        {
            return true;
        }

        for (var at = text.IndexOf('\\', span.Start, span.Length); at >= 0 && at + 1 < span.End; at = text.IndexOf('\\', at + 1, span.End - at - 1))
        {
            if (text[at + 1] is 'u' or 'U')
            {
                return true;
            }
        }

        return false;
    }
}
