using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace WsAnalyzers.Prefilters;

/// <summary>
/// Text prefilters over a node's source span: "can this loop or type contain a send / connect at all". Scanning the
/// characters is several times cheaper than walking the node's operations or syntax, and comments or strings only
/// make a prefilter say yes more often. A prefilter decides what to analyze, never what to report.
/// </summary>
internal static class SourceSpans
{
    // A SourceText made from a string returns that string without copying; a large file read from disk is copied once
    // for as long as its text lives, not once per question.
    private static readonly ConditionalWeakTable<SourceText, string> Strings = new();

    /// <summary>True when the source text of <paramref name="node"/> contains <paramref name="word"/> (ordinal).</summary>
    public static bool Contains(SyntaxNode node, string word)
    {
        var span = node.Span;
        var text = TextOf(node.SyntaxTree);

        // An ordinal search of a string is vectorised by the runtime.
        return text.IndexOf(word, span.Start, span.Length, StringComparison.Ordinal) >= 0;
    }

    /// <summary>The source text of <paramref name="tree"/> as one string, for searches that report positions.</summary>
    public static string TextOf(SyntaxTree tree) => Strings.GetValue(tree.GetText(), static t => t.ToString());
}
