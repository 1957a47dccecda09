using System;
using Microsoft.CodeAnalysis.Text;

namespace WsAnalyzers.Configuration;

/// <summary>
/// Which of a few words a file's text contains (any case), read in chunks without copying the file: a prefilter that
/// decides which files are bound for a project-wide fact, never a fact itself.
/// </summary>
internal static class TextMarkers
{
    private const int ChunkSize = 8192;

    /// <summary>A bit per marker of <paramref name="markers"/> found in <paramref name="text"/>, looking only for the
    /// markers whose bit is in <paramref name="wanted"/>.</summary>
    public static int Find(SourceText text, string[] markers, int wanted = -1)
    {
        var overlap = 0;
        foreach (var marker in markers)
        {
            overlap = Math.Max(overlap, marker.Length - 1);
        }

        var buffer = new char[ChunkSize];
        var found = 0;
        var all = ((1 << markers.Length) - 1) & wanted;
        if (all == 0)
        {
            return 0;
        }

        var position = 0;
        while (position < text.Length && found != all)
        {
            var count = Math.Min(buffer.Length, text.Length - position);
            text.CopyTo(position, buffer, 0, count);
            var chunk = new string(buffer, 0, count);
            for (var i = 0; i < markers.Length; i++)
            {
                if ((all & ~found & (1 << i)) != 0 && chunk.IndexOf(markers[i], StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    found |= 1 << i;
                }
            }

            if (position + count >= text.Length)
            {
                break;
            }

            position += count - overlap;
        }

        return found;
    }
}
