using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// The text prefilter of the whole family, asked once per operation block: can the block hold a ReceiveAsync call at all
/// (its source spells "ReceiveAsync", or a Unicode escape that could spell it in an identifier; the answer of
/// <see cref="SourceSpans.MaySpell"/>)? Each file's text is searched once, for the places where it spells either, and
/// a block asks only whether one of them lies in its span: searching the text of every block of the file (twice, for the
/// word and for the escapes) cost more than the search of the file. One instance per compilation. A prefilter decides what
/// to analyze, never what to report.
/// </summary>
internal sealed class ReceivingBodies
{
    private const string Word = "ReceiveAsync";

    private static readonly Func<SyntaxTree, Spellings> Read = ReadSpellings;

    private readonly ConcurrentDictionary<SyntaxTree, Spellings> _trees = new();

    public bool MayReceive(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            var syntax = block.Syntax;
            if (_trees.GetOrAdd(syntax.SyntaxTree, Read).MaySpell(syntax.Span))
            {
                return true;
            }
        }

        return false;
    }

    private static Spellings ReadSpellings(SyntaxTree tree)
    {
        var text = SourceSpans.TextOf(tree);
        List<int>? words = null;
        for (var at = text.IndexOf(Word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(Word, at + 1, StringComparison.Ordinal))
        {
            (words ??= new List<int>()).Add(at);
        }

        List<int>? escapes = null;
        for (var at = text.IndexOf('\\'); at >= 0 && at + 1 < text.Length; at = text.IndexOf('\\', at + 1))
        {
            if (text[at + 1] is 'u' or 'U')
            {
                (escapes ??= new List<int>()).Add(at);
            }
        }

        return new Spellings(words?.ToArray() ?? Array.Empty<int>(), escapes?.ToArray() ?? Array.Empty<int>());
    }

    /// <summary>Where a file spells the word (its first character) and where it has a Unicode escape (its backslash), in
    /// ascending order.</summary>
    private sealed class Spellings
    {
        private readonly int[] _words;
        private readonly int[] _escapes;

        public Spellings(int[] words, int[] escapes)
        {
            _words = words;
            _escapes = escapes;
        }

        /// <summary>The word lies within <paramref name="span"/>, or an escape whose backslash and next character do.</summary>
        public bool MaySpell(TextSpan span) =>
            (FirstAtOrAfter(_words, span.Start) is var word && word >= 0 && word + Word.Length <= span.End) ||
            (FirstAtOrAfter(_escapes, span.Start) is var escape && escape >= 0 && escape + 1 < span.End);

        private static int FirstAtOrAfter(int[] positions, int start)
        {
            if (positions.Length == 0)
            {
                return -1;
            }

            var index = Array.BinarySearch(positions, start);
            if (index < 0)
            {
                index = ~index;
            }

            return index < positions.Length ? positions[index] : -1;
        }
    }
}
