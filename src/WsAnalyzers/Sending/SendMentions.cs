using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Sending;

/// <summary>
/// "Does this node's text spell Send", asked by WS3002 of every loop body: the positions of "Send" in a file's text are
/// found once per file and kept (<see cref="SendingCaches.SendMentions"/>), and each question is a binary search of them
/// instead of a search of the body's text. The answer is that of <see cref="SourceSpans.Contains(SyntaxNode, string)"/>.
/// </summary>
internal static class SendMentions
{
    private const string Word = "Send";

    public static bool Contains(SendingCaches caches, SyntaxNode node)
    {
        var tree = node.SyntaxTree;
        if (!caches.SendMentions.TryGetValue(tree, out var positions))
        {
            positions = Find(SourceSpans.TextOf(tree));
            caches.SendMentions.TryAdd(tree, positions);
        }

        var span = node.Span;
        var first = Array.BinarySearch(positions, span.Start);
        if (first < 0)
        {
            first = ~first;
        }

        return first < positions.Length && positions[first] + Word.Length <= span.End;
    }

    private static int[] Find(string text)
    {
        var positions = new List<int>();
        for (var position = text.IndexOf(Word, StringComparison.Ordinal); position >= 0; position = text.IndexOf(Word, position + 1, StringComparison.Ordinal))
        {
            positions.Add(position);
        }

        return positions.ToArray();
    }
}
