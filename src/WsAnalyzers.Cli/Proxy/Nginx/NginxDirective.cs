using System;
using System.Collections.Generic;
using System.Linq;

namespace WsAnalyzers.Cli.Proxy.Nginx;

/// <summary>
/// One directive (`proxy_pass http://app;`) or block (`location /ws { ... }`), with the file it is written in: includes
/// are expanded, so a block's children can come from several files.
/// </summary>
internal sealed class NginxDirective(ConfigFile file, NginxToken name, IReadOnlyList<NginxToken> arguments, NginxDirective? parent)
{
    public ConfigFile File { get; } = file;

    public NginxToken NameToken { get; } = name;

    public string Name => NameToken.Value;

    public IReadOnlyList<NginxToken> Arguments { get; } = arguments;

    public NginxDirective? Parent { get; } = parent;

    /// <summary>The children of a block directive; null for a simple directive.</summary>
    public List<NginxDirective>? Block { get; set; }

    /// <summary>Offset just after the terminating ';' or '}' in <see cref="File"/>.</summary>
    public int End { get; set; }

    /// <summary>The '{' of a block.</summary>
    public NginxToken? OpenBrace { get; set; }

    public int Line => File.Position(NameToken.Offset).Line;

    public string Argument(int index) => index < Arguments.Count ? Arguments[index].Value : string.Empty;

    /// <summary>The directive as written on one line, for messages: `proxy_read_timeout 30s;`, `location /ws`.</summary>
    public string Text
    {
        get
        {
            var words = string.Join(' ', Arguments.Select(a => File.Text.Substring(a.Offset, a.Length)).Prepend(Name));
            return Block is null ? words + ";" : words;
        }
    }

    public IEnumerable<NginxDirective> Children(string name) =>
        (Block ?? []).Where(d => string.Equals(d.Name, name, StringComparison.Ordinal));

    public IEnumerable<NginxDirective> Ancestors()
    {
        for (var current = Parent; current is not null; current = current.Parent)
        {
            yield return current;
        }
    }

    public IEnumerable<NginxDirective> Descendants()
    {
        foreach (var child in Block ?? [])
        {
            yield return child;
            foreach (var grandchild in child.Descendants())
            {
                yield return grandchild;
            }
        }
    }
}
