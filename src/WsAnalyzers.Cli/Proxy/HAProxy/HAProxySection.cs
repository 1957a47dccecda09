using System;
using System.Collections.Generic;
using System.Linq;

namespace WsAnalyzers.Cli.Proxy.HAProxy;

/// <summary>A section (global, defaults, frontend, backend, listen, ...) with its header line and keyword lines.</summary>
internal sealed class HAProxySection(HAProxyLine header)
{
    public HAProxyLine Header { get; } = header;

    public string Kind => Header.Keyword.ToLowerInvariant();

    public string Name => Header.Word(1);

    public List<HAProxyLine> Lines { get; } = [];

    /// <summary>The defaults section this proxy takes its settings from (the last one before it, or `from NAME`).</summary>
    public HAProxySection? Defaults { get; set; }

    public bool IsProxy => Kind is "frontend" or "backend" or "listen";

    public bool HasBackend => Kind is "backend" or "listen";

    public bool HasFrontend => Kind is "frontend" or "listen";

    /// <summary>How the section is named in messages: "backend ws_back".</summary>
    public string Title => Name.Length == 0 ? Kind : $"{Kind} {Name}";

    /// <summary>The last line here, else in the defaults, that starts with these words; and whether a `no` line cancels it.</summary>
    public HAProxyLine? Setting(params string[] keywords)
    {
        for (var section = this; section is not null; section = section.Defaults)
        {
            var line = section.Lines.LastOrDefault(l => l.Is(keywords) || (l.Keyword == "no" && l.Words.Count > keywords.Length && l.Words.Skip(1).Take(keywords.Length).Select(w => w.Value).SequenceEqual(keywords, StringComparer.OrdinalIgnoreCase)));
            if (line is not null)
            {
                return line.Keyword == "no" ? null : line;
            }
        }

        return null;
    }
}
