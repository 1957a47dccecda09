using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.ReceiveLoop;

/// <summary>
/// The text prefilter of the whole family, asked once per operation block: can the block hold a ReceiveAsync call at all
/// (its source spells "ReceiveAsync", or a Unicode escape that could spell it in an identifier; the answer of
/// <see cref="SourceSpans.MaySpell"/>)? Each file's text is searched once for the places where it spells either
/// (<see cref="WordPositions"/>), and a block asks only whether one of them lies in its span: searching the text of every block of the file (twice, for the
/// word and for the escapes) cost more than the search of the file. One instance per compilation. A prefilter decides what
/// to analyze, never what to report.
/// </summary>
internal sealed class ReceivingBodies
{
    private readonly WordPositions _word = new("ReceiveAsync");
    private readonly WordPositions _lowerEscape = new("\\u");
    private readonly WordPositions _upperEscape = new("\\U");

    // Whether the last file each thread asked about has a Unicode escape anywhere: the blocks of a file are asked about
    // one after the other, and most files have none, so most blocks ask only for the word (one table lookup, not three).
    // The answer belongs to the tree alone, whichever compilation asks; a thread keeps one tree alive, no tables.
    [ThreadStatic]
    private static SyntaxTree? t_tree;

    [ThreadStatic]
    private static bool t_treeHasEscape;

    public bool MayReceive(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            var tree = block.Syntax.SyntaxTree;
            var span = block.Syntax.Span;
            if (_word.Spells(tree, span) || (HasEscape(tree) && (_lowerEscape.Spells(tree, span) || _upperEscape.Spells(tree, span))))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasEscape(SyntaxTree tree)
    {
        if (t_tree != tree)
        {
            var whole = new TextSpan(0, tree.Length);
            t_treeHasEscape = _lowerEscape.Spells(tree, whole) || _upperEscape.Spells(tree, whole);
            t_tree = tree;
        }

        return t_treeHasEscape;
    }
}
