using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace WsAnalyzers.Cli.Proxy.Nginx;

/// <summary>
/// Reads an nginx configuration into a directive tree, with the errors nginx itself gives for unbalanced braces, a
/// missing ';' or an include that does not exist. `include` is expanded where it stands; a relative include path is
/// resolved against the folder of the file named on the command line (nginx's prefix), then against its parent (for a
/// site file in sites-enabled/ or conf.d/). Globs match like nginx's (sorted, no error when nothing matches).
/// </summary>
internal sealed class NginxParser
{
    private const int MaxIncludeDepth = 32;
    private readonly string _prefix;
    private readonly List<ConfigFile> _files = [];
    private readonly Stack<string> _including = new();

    private NginxParser(string prefix) => _prefix = prefix;

    public static NginxConfig Parse(string path)
    {
        var entry = ConfigFile.Read(path);
        var parser = new NginxParser(System.IO.Path.GetDirectoryName(entry.Path)!);
        var root = parser.ParseFile(entry, parent: null);
        return new NginxConfig(entry, parser._files, root);
    }

    /// <summary>Parses text (for tests and for the incident guide's examples).</summary>
    public static NginxConfig Parse(ConfigFile file)
    {
        var parser = new NginxParser(System.IO.Path.GetDirectoryName(file.Path) ?? ".");
        var root = parser.ParseFile(file, parent: null);
        return new NginxConfig(file, parser._files, root);
    }

    private List<NginxDirective> ParseFile(ConfigFile file, NginxDirective? parent)
    {
        if (_including.Contains(file.Path, StringComparer.Ordinal) || _including.Count > MaxIncludeDepth)
        {
            throw new ProxyConfigException($"{file.Path}: included from itself ({string.Join(" -> ", _including.Reverse().Append(file.Path))})");
        }

        if (!_files.Any(f => f.Path == file.Path))
        {
            _files.Add(file);
        }

        _including.Push(file.Path);
        var tokens = NginxLexer.Tokenize(file);
        var index = 0;
        var directives = ParseBlock(file, tokens, ref index, parent, closing: null);
        _including.Pop();
        return directives;
    }

    private List<NginxDirective> ParseBlock(ConfigFile file, List<NginxToken> tokens, ref int index, NginxDirective? parent, NginxToken? closing)
    {
        var directives = new List<NginxDirective>();
        var words = new List<NginxToken>();
        while (index < tokens.Count)
        {
            var token = tokens[index++];
            switch (token.Kind)
            {
                case NginxTokenKind.Word or NginxTokenKind.Quoted:
                    words.Add(token);
                    break;
                case NginxTokenKind.Semicolon:
                    if (words.Count == 0)
                    {
                        throw ProxyConfigException.At(file, token.Offset, "unexpected \";\"");
                    }

                    var directive = new NginxDirective(file, words[0], words.Skip(1).ToList(), parent) { End = token.End };
                    if (directive.Name == "include" && directive.Arguments.Count == 1)
                    {
                        directives.AddRange(Include(directive, parent));
                    }
                    else
                    {
                        directives.Add(directive);
                    }

                    words = [];
                    break;
                case NginxTokenKind.OpenBrace:
                    if (words.Count == 0)
                    {
                        throw ProxyConfigException.At(file, token.Offset, "unexpected \"{\"");
                    }

                    var block = new NginxDirective(file, words[0], words.Skip(1).ToList(), parent) { OpenBrace = token };
                    block.Block = ParseBlock(file, tokens, ref index, block, token);
                    block.End = tokens[index - 1].End;
                    directives.Add(block);
                    words = [];
                    break;
                case NginxTokenKind.CloseBrace:
                    if (closing is null || words.Count > 0)
                    {
                        throw ProxyConfigException.At(file, token.Offset, "unexpected \"}\"");
                    }

                    return directives;
            }
        }

        if (words.Count > 0)
        {
            throw ProxyConfigException.At(file, words[^1].Offset, "unexpected end of file, expecting \";\" or \"}\"");
        }

        if (closing is not null)
        {
            throw ProxyConfigException.At(file, closing.Offset, "unexpected end of file, expecting \"}\" for the \"{\" on this line");
        }

        return directives;
    }

    private List<NginxDirective> Include(NginxDirective include, NginxDirective? parent)
    {
        var pattern = include.Argument(0);
        var files = Resolve(pattern, include.File);
        if (files.Count == 0 && !HasWildcard(pattern))
        {
            var (line, _) = include.File.Position(include.NameToken.Offset);
            throw new ProxyConfigException($"{include.File.Path}:{line}: include \"{pattern}\" failed: no such file (looked in {_prefix})");
        }

        var directives = new List<NginxDirective>();
        foreach (var path in files)
        {
            directives.AddRange(ParseFile(ConfigFile.Read(path), parent));
        }

        return directives;
    }

    private List<string> Resolve(string pattern, ConfigFile from)
    {
        if (Path.IsPathRooted(pattern))
        {
            return Glob(pattern);
        }

        // nginx resolves against its prefix (the folder of nginx.conf). A site file checked on its own sits one level
        // below it, so its parent is the next guess; the including file's own folder is the last.
        foreach (var baseDirectory in new[] { _prefix, Path.GetDirectoryName(_prefix), Path.GetDirectoryName(from.Path) }.OfType<string>().Distinct())
        {
            var found = Glob(Path.Combine(baseDirectory, pattern));
            if (found.Count > 0)
            {
                return found;
            }
        }

        return [];
    }

    private static bool HasWildcard(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>glob(3) as nginx calls it: wildcards in any path segment, matches sorted, only files.</summary>
    private static List<string> Glob(string pattern)
    {
        var full = Path.GetFullPath(pattern);
        if (!HasWildcard(full))
        {
            return File.Exists(full) ? [full] : [];
        }

        var root = Path.GetPathRoot(full)!;
        var segments = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string> { root };
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            var next = new List<string>();
            foreach (var directory in current)
            {
                if (!HasWildcard(segment))
                {
                    var path = Path.Combine(directory, segment);
                    if (last ? File.Exists(path) : Directory.Exists(path))
                    {
                        next.Add(path);
                    }

                    continue;
                }

                if (!Directory.Exists(directory))
                {
                    continue;
                }

                var regex = new Regex("^" + WildcardToRegex(segment) + "$");
                var candidates = last ? Directory.EnumerateFiles(directory) : Directory.EnumerateDirectories(directory);
                next.AddRange(candidates.Where(c => regex.IsMatch(Path.GetFileName(c)) && !Path.GetFileName(c).StartsWith('.')));
            }

            current = next;
        }

        current.Sort(StringComparer.Ordinal);
        return current;
    }

    private static string WildcardToRegex(string segment)
    {
        var pattern = new System.Text.StringBuilder();
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    pattern.Append(".*");
                    break;
                case '?':
                    pattern.Append('.');
                    break;
                case '[':
                    var close = segment.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        pattern.Append(@"\[");
                        break;
                    }

                    var set = segment[(i + 1)..close];
                    pattern.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return pattern.ToString();
    }
}
