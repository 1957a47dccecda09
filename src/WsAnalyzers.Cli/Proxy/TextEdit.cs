namespace WsAnalyzers.Cli.Proxy;

/// <summary>A replacement of <see cref="Length"/> characters at <see cref="Offset"/> in a file (an insertion when the length is 0).</summary>
internal sealed record TextEdit(ConfigFile File, int Offset, int Length, string NewText)
{
    public static TextEdit Replace(ConfigFile file, int offset, int length, string text) => new(file, offset, length, text);

    /// <summary>A new line after the given 1-based line, indented like the reference line.</summary>
    public static TextEdit InsertLineAfter(ConfigFile file, int line, string indentation, string text)
    {
        var end = file.EndOfLine(line);
        var needsBreak = end == file.Text.Length && !file.Text.EndsWith('\n');
        var newText = (needsBreak ? file.NewLine : string.Empty) + indentation + text + file.NewLine;
        return new TextEdit(file, end, 0, newText);
    }

    /// <summary>A new line before the given 1-based line.</summary>
    public static TextEdit InsertLineBefore(ConfigFile file, int line, string indentation, string text) =>
        new(file, file.LineStart(line), 0, indentation + text + file.NewLine);
}
