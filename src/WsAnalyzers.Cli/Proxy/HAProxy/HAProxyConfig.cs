using System;
using System.Collections.Generic;
using System.Linq;

namespace WsAnalyzers.Cli.Proxy.HAProxy;

/// <summary>An HAProxy configuration file: its sections in order.</summary>
internal sealed class HAProxyConfig(ConfigFile file, List<HAProxySection> sections)
{
    public ConfigFile File { get; } = file;

    public List<HAProxySection> Sections { get; } = sections;

    public IEnumerable<HAProxySection> Frontends => Sections.Where(s => s.HasFrontend);

    public IEnumerable<HAProxySection> Backends => Sections.Where(s => s.HasBackend);

    /// <summary>The frontends that send requests to a backend (default_backend, use_backend), and a listen section to itself.</summary>
    public IEnumerable<HAProxySection> FrontendsOf(HAProxySection backend)
    {
        if (backend.Kind == "listen")
        {
            yield return backend;
        }

        foreach (var frontend in Frontends)
        {
            if (frontend.Lines.Any(l => l.Keyword is "default_backend" or "use_backend" && string.Equals(l.Word(1), backend.Name, StringComparison.Ordinal)))
            {
                yield return frontend;
            }
        }
    }
}
