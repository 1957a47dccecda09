using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
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

    // The last text each thread asked for: the prefilters ask about one file many times in a row, and a table lookup
    // per question cost more than the search it answers. It keeps at most one file's text alive per thread.
    [ThreadStatic]
    private static SourceText? t_lastText;

    [ThreadStatic]
    private static string? t_lastString;

    /// <summary>True when the source text of <paramref name="tree"/> within <paramref name="span"/> contains <paramref name="word"/> (ordinal).</summary>
    public static bool Contains(SyntaxTree tree, TextSpan span, string word) =>
        TextOf(tree).IndexOf(word, span.Start, span.Length, StringComparison.Ordinal) >= 0;

    /// <summary>The source text of <paramref name="tree"/> as one string, for searches that report positions.</summary>
    public static string TextOf(SyntaxTree tree)
    {
        var text = tree.GetText();
        if (ReferenceEquals(text, t_lastText) && t_lastString is { } known)
        {
            return known;
        }

        var whole = Strings.GetValue(text, static t => t.ToString());
        t_lastText = text;
        t_lastString = whole;
        return whole;
    }

    // A buffer per thread for the whole-file searches of large texts, sized for the largest file a thread has read up to
    // a limit (2 MB): a larger file, rare, is copied for each search rather than kept for the life of the process.
    private const int WholeTextBufferLimit = 1 << 20;

    [ThreadStatic]
    private static char[]? t_wholeText;

    /// <summary>
    /// The whole text of <paramref name="tree"/> for a search of every file of the compilation, valid until the thread's
    /// next call. The compiler reads a file of 40 K characters or more from disk as chunks, not as one string: ToString
    /// made a new large-object copy of it for each search (on jellyfin, read as the compiler reads it, that doubled the
    /// rules' cost, most of it garbage collection). Such a text is copied into a buffer the thread reuses, or read from
    /// <see cref="TextOf"/>'s copy when a prefilter already made one; a smaller text is read as it is (a text made from a
    /// string returns that string).
    /// </summary>
    public static ReadOnlySpan<char> WholeTextOf(SyntaxTree tree, CancellationToken cancellation = default)
    {
        var text = tree.GetText(cancellation);
        var length = text.Length;

        // Well below the compiler's limit, which counts bytes: a file of multi-byte characters has fewer characters.
        if (length < 8 * 1024 || length > WholeTextBufferLimit)
        {
            return text.ToString().AsSpan();
        }

        if (Strings.TryGetValue(text, out var copied))
        {
            return copied.AsSpan();
        }

        var buffer = t_wholeText;
        if (buffer is null || buffer.Length < length)
        {
            t_wholeText = buffer = new char[Math.Min(WholeTextBufferLimit, Math.Max(length, 2 * (buffer?.Length ?? 32 * 1024)))];
        }

        text.CopyTo(0, buffer, 0, length);
        return new ReadOnlySpan<char>(buffer, 0, length);
    }

    /// <summary>The source of <paramref name="node"/> contains <paramref name="word"/>, or a Unicode escape (<c>\u</c>,
    /// <c>\U</c>) that could spell it in an identifier.</summary>
    public static bool MaySpell(SyntaxNode node, string word) =>
        Contains(node, word) || HasUnicodeEscape(TextOf(node.SyntaxTree), node.Span.Start, node.Span.End);

    /// <summary>
    /// True when an identifier in <paramref name="node"/> may be spelled differently from its value, so that a text search
    /// for the name would miss it: a Unicode escape (<c>Conn\u0065ct</c>) in the node, or a formatting character (which
    /// an identifier's value leaves out) anywhere in its file.
    /// </summary>
    public static bool MaySpellIdentifiersDifferently(SyntaxNode node)
    {
        var text = TextOf(node.SyntaxTree);
        return HasUnicodeEscape(text, node.Span.Start, node.Span.End) || HasFormattingCharacter(text);
    }

    /// <summary>As <see cref="MaySpellIdentifiersDifferently(SyntaxNode)"/>, for the whole file.</summary>
    public static bool MaySpellIdentifiersDifferently(SyntaxTree tree)
    {
        var text = TextOf(tree);
        return HasUnicodeEscape(text, 0, text.Length) || HasFormattingCharacter(text);
    }

    private static bool HasUnicodeEscape(string text, int start, int end)
    {
        // A backslash is rare in code: the runtime's vectorised search finds each one, and only its next character is looked at.
        for (var at = text.IndexOf('\\', start, end - start); at >= 0 && at + 1 < end; at = text.IndexOf('\\', at + 1, end - at - 1))
        {
            if (text[at + 1] is 'u' or 'U')
            {
                return true;
            }
        }

        return false;
    }

    private static readonly object Yes = new();
    private static readonly object No = new();
    private static readonly ConditionalWeakTable<string, object> FormattingCharacters = new();

    /// <summary>A formatting character anywhere in the text, looked for once per text.</summary>
    private static bool HasFormattingCharacter(string text) =>
        FormattingCharacters.GetValue(text, static t => ReadFormattingCharacter(t) ? Yes : No) == Yes;

    private static bool ReadFormattingCharacter(string text)
    {
        // A formatting character is not ASCII; a text whose UTF-8 encoding has one byte per character is all ASCII (the
        // runtime counts the bytes vectorised), so only a text with other characters is read character by character.
        if (Encoding.UTF8.GetByteCount(text) == text.Length)
        {
            return false;
        }

        foreach (var character in text)
        {
            if (character > 0x7F && CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }
}
