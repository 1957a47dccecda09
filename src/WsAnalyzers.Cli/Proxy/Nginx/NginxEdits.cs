namespace WsAnalyzers.Cli.Proxy.Nginx;

/// <summary>Text edits that keep an nginx file's layout: new directives on their own line with the neighbours' indentation.</summary>
internal static class NginxEdits
{
    private const string IndentStep = "    ";

    public static TextEdit InsertAfter(NginxDirective directive, string text)
    {
        var file = directive.File;
        var (line, _) = file.Position(directive.End - 1);
        var rest = RestOfLine(file, directive.End);
        return rest.Length == 0 || rest.StartsWith('#')
            ? TextEdit.InsertLineAfter(file, line, file.Indentation(directive.Line), text)
            : TextEdit.Replace(file, directive.End, 0, " " + text);
    }

    /// <summary>A directive as the first child of a block.</summary>
    public static TextEdit InsertFirst(NginxDirective block, string text)
    {
        var file = block.File;
        var open = block.OpenBrace!;
        var (line, _) = file.Position(open.Offset);
        var rest = RestOfLine(file, open.End);
        if (rest.Length > 0 && !rest.StartsWith('#'))
        {
            return TextEdit.Replace(file, open.End, 0, " " + text);
        }

        var first = block.Block is { Count: > 0 } children && children[0].File == file ? children[0] : null;
        var indentation = first is not null && first.Line != line ? file.Indentation(first.Line) : file.Indentation(line) + IndentStep;
        return TextEdit.InsertLineAfter(file, line, indentation, text);
    }

    /// <summary>Replaces one argument of a directive with new text.</summary>
    public static TextEdit ReplaceArgument(NginxDirective directive, int index, string text)
    {
        var argument = directive.Arguments[index];
        return TextEdit.Replace(directive.File, argument.Offset, argument.Length, text);
    }

    /// <summary>Replaces a whole simple directive (name, arguments, ';').</summary>
    public static TextEdit ReplaceDirective(NginxDirective directive, string text) =>
        TextEdit.Replace(directive.File, directive.NameToken.Offset, directive.End - directive.NameToken.Offset, text);

    private static string RestOfLine(ConfigFile file, int offset)
    {
        var end = file.Text.IndexOf('\n', offset);
        return (end < 0 ? file.Text[offset..] : file.Text[offset..end]).Trim();
    }
}
