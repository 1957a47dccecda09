using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace WsAnalyzers.Cli.Proxy.HAProxy;

/// <summary>
/// Reads an HAProxy configuration: one keyword per line, '#' comments, double quotes (with escapes), single quotes
/// (literal) and backslash escapes, sections opened by their keyword. Errors as HAProxy reports them: a keyword
/// outside any section, an unterminated quote, a proxy section without a name, an unknown `from` defaults, a last line without a line feed.
/// </summary>
internal static class HAProxyParser
{
    private static readonly string[] SectionKeywords =
        ["global", "defaults", "frontend", "backend", "listen", "peers", "resolvers", "userlist", "mailers", "program", "http-errors", "ring", "cache", "crt-store", "traces", "log-forward", "fcgi-app"];

    public static HAProxyConfig Parse(string path) => Parse(ConfigFile.Read(path));

    public static HAProxyConfig Parse(ConfigFile file)
    {
        var sections = new List<HAProxySection>();
        HAProxySection? current = null;
        HAProxySection? lastDefaults = null;
        var text = file.Text;
        var lineNumber = 0;
        for (var start = 0; start <= text.Length;)
        {
            lineNumber++;
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var words = Split(file, start, end, lineNumber);
            start = end + 1;
            if (words.Count == 0)
            {
                continue;
            }

            var line = new HAProxyLine(file, lineNumber, words);
            if (SectionKeywords.Contains(line.Keyword, StringComparer.Ordinal))
            {
                current = new HAProxySection(line);
                if (current.IsProxy && current.Name.Length == 0)
                {
                    throw new ProxyConfigException($"{file.Path}:{line.Line}: '{line.Keyword}' expects <name> as an argument");
                }

                if (current.IsProxy)
                {
                    current.Defaults = DefaultsOf(file, line, sections, lastDefaults);
                }

                if (current.Kind == "defaults")
                {
                    lastDefaults = current;
                }

                sections.Add(current);
                continue;
            }

            if (current is null)
            {
                throw new ProxyConfigException($"{file.Path}:{line.Line}: unknown keyword '{line.Keyword}' out of section");
            }

            current.Lines.Add(line);
        }

        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new ProxyConfigException($"{file.Path}:{lineNumber}: missing LF on last line (HAProxy refuses a file that may have been truncated)");
        }

        if (!sections.Any(s => s.IsProxy))
        {
            throw new ProxyConfigException($"{file.Path}: no frontend, backend or listen section: not an HAProxy configuration with proxies");
        }

        return new HAProxyConfig(file, sections);
    }

    private static HAProxySection? DefaultsOf(ConfigFile file, HAProxyLine header, List<HAProxySection> sections, HAProxySection? last)
    {
        var from = header.Words.Select((w, i) => (w, i)).FirstOrDefault(x => x.w.Value == "from" && x.i >= 2);
        if (from.w is null)
        {
            return last;
        }

        var name = header.Word(from.i + 1);
        return sections.LastOrDefault(s => s.Kind == "defaults" && s.Name == name)
            ?? throw new ProxyConfigException($"{file.Path}:{header.Line}: '{header.Keyword} {header.Word(1)}' uses defaults '{name}', which is not defined before it");
    }

    private static List<HAProxyWord> Split(ConfigFile file, int start, int end, int line)
    {
        var text = file.Text;
        var words = new List<HAProxyWord>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r')
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                break;
            }

            var wordStart = i;
            var value = new StringBuilder();
            while (i < end && text[i] is not (' ' or '\t' or '\r' or '#'))
            {
                var ch = text[i];
                if (ch == '\\' && i + 1 < end)
                {
                    value.Append(text[i + 1]);
                    i += 2;
                }
                else if (ch is '"' or '\'')
                {
                    var close = i + 1;
                    while (close < end && (text[close] != ch || (ch == '"' && text[close - 1] == '\\')))
                    {
                        close++;
                    }

                    if (close >= end)
                    {
                        throw new ProxyConfigException($"{file.Path}:{line}: unmatched quote ({ch}) on this line");
                    }

                    value.Append(text[(i + 1)..close].Replace("\\\"", "\""));
                    i = close + 1;
                }
                else
                {
                    value.Append(ch);
                    i++;
                }
            }

            words.Add(new HAProxyWord(value.ToString(), wordStart, i - wordStart));
        }

        return words;
    }
}
