using System;
using System.Collections.Generic;
using System.Text;
using DiffPlex;

namespace WsAnalyzers.Cli.Fixing;

/// <summary>A unified diff (as `diff -u` / `git diff` print it) of two versions of a file, three lines of context.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string oldPath, string newPath, string oldText, string newText)
    {
        var diff = Differ.Instance.CreateLineDiffs(oldText, newText, ignoreWhitespace: false, ignoreCase: false);
        var oldLines = diff.PiecesOld;
        var newLines = diff.PiecesNew;
        var blocks = diff.DiffBlocks;
        var output = new StringBuilder();
        if (blocks.Count == 0)
        {
            return string.Empty;
        }

        output.Append("--- ").Append(oldPath).Append('\n');
        output.Append("+++ ").Append(newPath).Append('\n');
        for (var first = 0; first < blocks.Count;)
        {
            var last = first;
            while (last + 1 < blocks.Count &&
                   blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * Context)
            {
                last++;
            }

            var oldStart = Math.Max(0, blocks[first].DeleteStartA - Context);
            var oldEnd = Math.Min(oldLines.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
            var newStart = blocks[first].InsertStartB - (blocks[first].DeleteStartA - oldStart);
            var newEnd = blocks[last].InsertStartB + blocks[last].InsertCountB + (oldEnd - (blocks[last].DeleteStartA + blocks[last].DeleteCountA));
            output.Append($"@@ -{Range(oldStart, oldEnd - oldStart)} +{Range(newStart, newEnd - newStart)} @@\n");

            var cursor = oldStart;
            for (var b = first; b <= last; b++)
            {
                var block = blocks[b];
                Lines(output, ' ', oldLines, cursor, block.DeleteStartA);
                Lines(output, '-', oldLines, block.DeleteStartA, block.DeleteStartA + block.DeleteCountA);
                Lines(output, '+', newLines, block.InsertStartB, block.InsertStartB + block.InsertCountB);
                cursor = block.DeleteStartA + block.DeleteCountA;
            }

            Lines(output, ' ', oldLines, cursor, oldEnd);
            first = last + 1;
        }

        return output.ToString();
    }

    private static string Range(int start, int length) => length == 0 ? $"{start},0" : length == 1 ? $"{start + 1}" : $"{start + 1},{length}";

    private static void Lines(StringBuilder output, char prefix, IReadOnlyList<string> lines, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            output.Append(prefix).Append(lines[i].TrimEnd('\r')).Append('\n');
        }
    }
}
