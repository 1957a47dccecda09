using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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

    public bool MayReceive(ImmutableArray<IOperation> blocks)
    {
        foreach (var block in blocks)
        {
            var tree = block.Syntax.SyntaxTree;
            var span = block.Syntax.Span;
            if (_word.Spells(tree, span) || _lowerEscape.Spells(tree, span) || _upperEscape.Spells(tree, span))
            {
                return true;
            }
        }

        return false;
    }
}
