using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.HAProxy.Rules;

/// <summary>
/// WSP2003: `option httpclose` in force on a backend that serves WebSockets or on a frontend in front of it. Reported
/// once per `option httpclose` line; the fix removes a line written in the section, and adds `no option httpclose` to
/// each affected section that inherits it from the defaults.
/// </summary>
internal sealed class HttpCloseRule : IHAProxyRule
{
    public IEnumerable<ProxyIssue> Check(HAProxyConfig config, IReadOnlyList<HAProxyBackend> backends, ProxySettings settings)
    {
        var affected = new Dictionary<HAProxyLine, (HashSet<HAProxySection> Sections, HAProxyBackend Backend)>();
        foreach (var backend in backends.Where(b => b.ServesWebSockets))
        {
            foreach (var section in backend.Frontends.Append(backend.Section))
            {
                if (section.Setting("option", "httpclose") is { } option)
                {
                    if (!affected.TryGetValue(option, out var entry))
                    {
                        affected[option] = entry = ([], backend);
                    }

                    entry.Sections.Add(section);
                }
            }
        }

        foreach (var (option, (sections, backend)) in affected.OrderBy(a => a.Key.Line))
        {
            var owner = sections.FirstOrDefault(s => s.Lines.Contains(option));
            var inheritors = sections.Where(s => !s.Lines.Contains(option)).OrderBy(s => s.Header.Line).ToList();
            var fix = new List<TextEdit>();
            if (owner is not null)
            {
                fix.Add(TextEdit.Replace(option.File, option.File.LineStart(option.Line), option.File.EndOfLine(option.Line) - option.File.LineStart(option.Line), string.Empty));
            }

            fix.AddRange(inheritors.Select(section => NoOption(section)));
            var where = string.Join(", ", sections.OrderBy(s => s.Header.Line).Select(s => s.Title));
            var howToFix = owner is not null && inheritors.Count == 0
                ? "remove it (HAProxy's default http-keep-alive mode tunnels WebSockets)"
                : $"add 'no option httpclose' to {string.Join(", ", inheritors.Select(s => s.Title))}" + (owner is null ? string.Empty : " and remove this line");
            yield return HAProxyIssues.At(option, ProxyRuleIds.HAProxyHttpClose, DiagnosticSeverity.Warning,
                $"'{option.Text}' is in force on {where}, and {backend.WebSocketEvidence} says {backend.Section.Title} serves WebSockets: " +
                $"HAProxy closes connections after each response instead of keeping them open, the wrong mode for long-lived upgraded connections; {howToFix}",
                [.. fix]);
        }
    }

    private static TextEdit NoOption(HAProxySection section)
    {
        var file = section.Header.File;
        var indentation = section.Lines.Count > 0 ? file.Indentation(section.Lines[0].Line) : "    ";
        return TextEdit.InsertLineAfter(file, section.Header.Line, indentation, "no option httpclose");
    }
}
