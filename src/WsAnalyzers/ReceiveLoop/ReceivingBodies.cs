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
            if (SourceSpans.MaySpell(block.Syntax, "ReceiveAsync"))
            {
                return true;
            }
        }

        return false;
    }
}
