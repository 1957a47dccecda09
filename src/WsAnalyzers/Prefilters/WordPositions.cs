using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WsAnalyzers.Operations;

namespace WsAnalyzers.Prefilters;

/// <summary>
/// Where the files of a compilation spell one word (ordinal), found once per file when it is first asked about: a
/// prefilter asked of many spans of a file (every loop body, every method body) answers with a binary search instead of
/// a search of each span's text. The answer is that of <see cref="SourceSpans.Contains(SyntaxTree, TextSpan, string)"/>.
/// One instance per compilation and word.
/// </summary>
internal sealed class WordPositions
{
    private readonly string _word;
    private readonly Func<SyntaxTree, int[]> _find;
    private readonly ConcurrentDictionary<SyntaxTree, int[]> _files = new(SameInstance<SyntaxTree>.Comparer);

    public WordPositions(string word)
    {
        _word = word;
        _find = Find;
    }

    /// <summary>The text of <paramref name="tree"/> within <paramref name="span"/> spells the word.</summary>
    public bool Spells(SyntaxTree tree, TextSpan span)
    {
        var positions = _files.GetOrAdd(tree, _find);
        var first = Array.BinarySearch(positions, span.Start);
        if (first < 0)
        {
            first = ~first;
        }

        return first < positions.Length && positions[first] + _word.Length <= span.End;
    }

    private int[] Find(SyntaxTree tree)
    {
        var text = SourceSpans.TextOf(tree);
        var positions = new List<int>();
        for (var at = text.IndexOf(_word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(_word, at + 1, StringComparison.Ordinal))
        {
            positions.Add(at);
        }

        return positions.ToArray();
    }
}
