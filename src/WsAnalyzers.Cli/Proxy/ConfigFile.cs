using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace WsAnalyzers.Cli.Proxy;

/// <summary>A configuration file as read from disk: its text, and line starts to turn offsets into line and column.</summary>
internal sealed class ConfigFile
{
    private readonly int[] _lineStarts;

    private ConfigFile(string path, string text, Encoding encoding)
    {
        Path = path;
        Text = text;
        Encoding = encoding;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    /// <summary>The full path.</summary>
    public string Path { get; }

    public string Text { get; }

    public Encoding Encoding { get; }

    public static ConfigFile Read(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new ProxyConfigException($"'{path}' does not exist");
        }

        try
        {
            var bytes = File.ReadAllBytes(fullPath);
            var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            var encoding = new UTF8Encoding(hasBom);
            var text = new UTF8Encoding(false).GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
            return new ConfigFile(fullPath, text, encoding);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ProxyConfigException($"cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>For tests of the parsers and for text that is not on disk.</summary>
    public static ConfigFile FromText(string path, string text) => new(path, text, new UTF8Encoding(false));

    /// <summary>1-based line and column of an offset.</summary>
    public (int Line, int Column) Position(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - _lineStarts[line] + 1);
    }

    public int LineStart(int line) => _lineStarts[line - 1];

    /// <summary>The text of a 1-based line without its line break.</summary>
    public string LineText(int line)
    {
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        return Text[start..end].TrimEnd('\n', '\r');
    }

    /// <summary>The leading whitespace of a line: inserted lines take the indentation of their neighbour.</summary>
    public string Indentation(int line)
    {
        var text = LineText(line);
        return text[..(text.Length - text.TrimStart(' ', '\t').Length)];
    }

    /// <summary>The offset just after the line break that ends a line (the start of the next line, or the end of the text).</summary>
    public int EndOfLine(int line) => line < _lineStarts.Length ? _lineStarts[line] : Text.Length;

    /// <summary>The line break the file uses.</summary>
    public string NewLine => Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
}
