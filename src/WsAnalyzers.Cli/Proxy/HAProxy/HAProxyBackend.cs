using System;
using System.Collections.Generic;
using System.Linq;

namespace WsAnalyzers.Cli.Proxy.HAProxy;

/// <summary>A backend (or listen section) and what applies to it: the frontends that use it, its timeouts, its servers, and whether anything says it serves WebSockets.</summary>
internal sealed class HAProxyBackend
{
    private const string IndentStep = "    ";

    private HAProxyBackend(HAProxyConfig config, HAProxySection section)
    {
        Config = config;
        Section = section;
        Frontends = config.FrontendsOf(section).ToList();
        WebSocketEvidence = FindEvidence();
    }

    public HAProxyConfig Config { get; }

    public HAProxySection Section { get; }

    public IReadOnlyList<HAProxySection> Frontends { get; }

    public string? WebSocketEvidence { get; }

    public bool ServesWebSockets => WebSocketEvidence is not null;

    public static IEnumerable<HAProxyBackend> All(HAProxyConfig config) => config.Backends.Select(b => new HAProxyBackend(config, b));

    /// <summary>Active servers: `server` lines that are not `backup` or `disabled`, and `server-template` counts.</summary>
    public int ActiveServers =>
        Section.Lines.Sum(l =>
            l.Keyword == "server" && !l.Words.Skip(3).Any(w => w.Value is "backup" or "disabled") ? 1
            : l.Keyword == "server-template" && int.TryParse(l.Word(2).Split('-')[^1], out var count) ? count
            : 0);

    /// <summary>`timeout client` of the frontends that use this backend (the shortest), else of its defaults.</summary>
    public (TimeSpan Value, HAProxyLine Line)? ClientTimeout =>
        Frontends.Count > 0
            ? Frontends.Select(f => Timeout(f, "client")).Where(t => t is not null).OrderBy(t => t!.Value.Value).FirstOrDefault()
            : Timeout(Section, "client");

    public (TimeSpan Value, HAProxyLine Line)? ServerTimeout => Timeout(Section, "server");

    public (TimeSpan Value, HAProxyLine Line)? TunnelTimeout => Timeout(Section, "tunnel");

    /// <summary>Whether a line belongs to this section (a fix edits it in place) rather than to its defaults.</summary>
    public bool IsLocal(HAProxyLine line) => Section.Lines.Contains(line);

    /// <summary>A new keyword line at the top of the section, indented like its other lines.</summary>
    public TextEdit InsertLine(string text)
    {
        var file = Section.Header.File;
        var indentation = Section.Lines.Count > 0 ? file.Indentation(Section.Lines[0].Line) : file.Indentation(Section.Header.Line) + IndentStep;
        return TextEdit.InsertLineAfter(file, Section.Header.Line, indentation, text);
    }

    public static TextEdit ReplaceLine(HAProxyLine line, string text) =>
        TextEdit.Replace(line.File, line.Words[0].Offset, line.Words[^1].End - line.Words[0].Offset, text);

    private static (TimeSpan Value, HAProxyLine Line)? Timeout(HAProxySection section, string kind)
    {
        var line = section.Setting("timeout", kind);
        return line is not null && Durations.ParseHAProxy(line.Word(2)) is { } value ? (value, line) : null;
    }

    private string? FindEvidence()
    {
        if (WebSocketHints.Matches(Section.Name))
        {
            return $"the name of {Section.Title}";
        }

        foreach (var frontend in Config.Frontends)
        {
            var webSocketAcls = frontend.Lines
                .Where(l => l.Keyword == "acl" && IsWebSocketCondition(string.Join(' ', l.Words.Skip(2).Select(w => w.Value))))
                .Select(l => l.Word(1))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var use in frontend.Lines.Where(l => l.Keyword == "use_backend" && l.Word(1) == Section.Name))
            {
                var condition = use.Words.Skip(2).Select(w => w.Value.TrimStart('!')).ToList();
                if (condition.Any(webSocketAcls.Contains) || IsWebSocketCondition(string.Join(' ', condition)))
                {
                    return $"the WebSocket condition of '{use.Text}' (line {use.Line})";
                }
            }
        }

        return null;
    }

    /// <summary>An ACL on the Upgrade header, or on a path or host that names WebSockets.</summary>
    private static bool IsWebSocketCondition(string condition)
    {
        var lower = condition.ToLowerInvariant();
        if (lower.Contains("upgrade", StringComparison.Ordinal) || lower.Contains("websocket", StringComparison.Ordinal))
        {
            return true;
        }

        return (lower.Contains("path", StringComparison.Ordinal) || lower.Contains("hdr", StringComparison.Ordinal) || lower.Contains("host", StringComparison.Ordinal)) &&
               condition.Split(' ').Skip(1).Any(WebSocketHints.Matches);
    }
}
