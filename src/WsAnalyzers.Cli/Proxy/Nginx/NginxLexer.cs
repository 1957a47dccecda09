using System.Collections.Generic;
using System.Text;

namespace WsAnalyzers.Cli.Proxy.Nginx;

/// <summary>
/// Splits an nginx file into tokens as nginx's own reader does: words end at whitespace, ';' or '{' (not at '}', and
/// not at the '{' of a "${var}"); '#' starts a comment only where a token starts; single and double quotes with
/// backslash escapes; a quoted string must be followed by whitespace, ';', '{' or ')'.
/// </summary>
internal static class NginxLexer
{
    public static List<NginxToken> Tokenize(ConfigFile file)
    {
        var text = file.Text;
        var tokens = new List<NginxToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            switch (c)
            {
                case '#':
                    while (i < text.Length && text[i] != '\n')
                    {
                        i++;
                    }

                    continue;
                case ';':
                    tokens.Add(new NginxToken(NginxTokenKind.Semicolon, ";", i++, 1));
                    continue;
                case '{':
                    tokens.Add(new NginxToken(NginxTokenKind.OpenBrace, "{", i++, 1));
                    continue;
                case '}':
                    tokens.Add(new NginxToken(NginxTokenKind.CloseBrace, "}", i++, 1));
                    continue;
                case '"' or '\'':
                    tokens.Add(Quoted(file, ref i));
                    continue;
                default:
                    tokens.Add(Word(text, ref i));
                    continue;
            }
        }

        return tokens;
    }

    private static NginxToken Quoted(ConfigFile file, ref int i)
    {
        var text = file.Text;
        var start = i;
        var quote = text[i++];
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw ProxyConfigException.At(file, start, "unexpected end of file, expecting terminating quote");
            }

            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                value.Append(next switch
                {
                    '"' or '\'' or '\\' => next.ToString(),
                    't' => "\t",
                    'r' => "\r",
                    'n' => "\n",
                    _ => "\\" + next,
                });
                i += 2;
                continue;
            }

            i++;
            if (c == quote)
            {
                break;
            }

            value.Append(c);
        }

        if (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not (';' or '{' or ')'))
        {
            throw ProxyConfigException.At(file, i, $"unexpected \"{text[i]}\"");
        }

        return new NginxToken(NginxTokenKind.Quoted, value.ToString(), start, i - start);
    }

    private static NginxToken Word(string text, ref int i)
    {
        var start = i;
        var value = new StringBuilder();
        var variable = false;
        var braces = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                value.Append(c).Append(text[i + 1]);
                i += 2;
                variable = false;
                continue;
            }

            if (c == '{' && variable)
            {
                braces++;
            }
            else if (c == '}' && braces > 0)
            {
                braces--;
            }
            else if (braces == 0 && (char.IsWhiteSpace(c) || c is ';' or '{'))
            {
                break;
            }

            variable = c == '$';
            value.Append(c);
            i++;
        }

        return new NginxToken(NginxTokenKind.Word, value.ToString(), start, i - start);
    }
}
