using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace WsAnalyzers.Cli.Proxy.HAProxy.Rules;

/// <summary>WSP2003: `option httpclose` on a backend that serves WebSockets (or on a frontend in front of it).</summary>
internal sealed class HttpCloseRule : IHAProxyRule
{
    public IEnumerable<ProxyIssue> Check(HAProxyConfig config, IReadOnlyList<HAProxyBackend> backends, ProxySettings settings)
    {
        var reported = new HashSet<HAProxyLine>();
        foreach (var backend in backends)
        {
            if (!backend.ServesWebSockets)
            {
                continue;
            }

            foreach (var section in new List<HAProxySection>(backend.Frontends) { backend.Section })
            {
                var option = section.Setting("option", "httpclose");
                if (option is null || !reported.Add(option))
                {
                    continue;
                }

                var local = section.Lines.Contains(option);
                var message = $"'{option.Text}'{(local ? string.Empty : $" (line {option.Line}, from the defaults)")} applies to {section.Title}, and {backend.WebSocketEvidence} says {backend.Section.Title} serves WebSockets: " +
                              "HAProxy closes the connection after each response instead of keeping it open, the wrong mode for long-lived upgraded connections; " +
                              (local ? "remove it (HAProxy's default http-keep-alive mode tunnels WebSockets)" : "add 'no option httpclose' to the section");
                yield return HAProxyIssues.At(option, ProxyRuleIds.HAProxyHttpClose, DiagnosticSeverity.Warning, message,
                    local ? TextEdit.Replace(option.File, option.File.LineStart(option.Line), option.File.EndOfLine(option.Line) - option.File.LineStart(option.Line), string.Empty)
                          : InsertNo(section));
            }
        }
    }

    private static TextEdit InsertNo(HAProxySection section)
    {
        var file = section.Header.File;
        var indentation = section.Lines.Count > 0 ? file.Indentation(section.Lines[0].Line) : "    ";
        return TextEdit.InsertLineAfter(file, section.Header.Line, indentation, "no option httpclose");
    }
}
