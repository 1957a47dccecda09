using System;
using System.Collections.Generic;
using System.Linq;

namespace WsAnalyzers.Cli.Proxy.Nginx;

/// <summary>An nginx configuration: the entry file, the files its includes pulled in, and the directive tree.</summary>
internal sealed class NginxConfig(ConfigFile entry, IReadOnlyList<ConfigFile> files, List<NginxDirective> root)
{
    public ConfigFile Entry { get; } = entry;

    /// <summary>The entry file first, then every included file, each once.</summary>
    public IReadOnlyList<ConfigFile> Files { get; } = files;

    public List<NginxDirective> Root { get; } = root;

    public IEnumerable<NginxDirective> All() =>
        Root.SelectMany(d => d.Descendants().Prepend(d));

    public NginxDirective? Upstream(string name) =>
        All().FirstOrDefault(d => d.Name == "upstream" && d.Block is not null && string.Equals(d.Argument(0), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The `map SOURCE $variable { ... }` that defines a variable ("$connection_upgrade").</summary>
    public NginxDirective? Map(string variable) =>
        All().FirstOrDefault(d => d.Name == "map" && d.Block is not null && d.Arguments.Count >= 2 && d.Argument(1) == variable);
}
