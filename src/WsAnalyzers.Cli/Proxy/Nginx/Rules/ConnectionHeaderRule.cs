using System;
using System.Collections.Generic;
using System.Linq;

namespace WsAnalyzers.Cli.Proxy.Nginx.Rules;

/// <summary>
/// WSP1003: the Connection header to the upstream is not "upgrade": missing (nginx sends "Connection: close"), another
/// value, or a variable whose map does not yield "upgrade" or that no map defines.
/// </summary>
internal sealed class ConnectionHeaderRule : INginxRule
{
    private const string Literal = "proxy_set_header Connection \"upgrade\";";

    public IEnumerable<ProxyIssue> Check(NginxConfig config, IReadOnlyList<NginxProxyPass> proxyPasses, ProxySettings settings)
    {
        var goodMap = config.All().FirstOrDefault(d => d.Name == "map" && d.Block is not null && MapYieldsUpgrade(d));
        var fixedDirective = goodMap is null ? Literal : $"proxy_set_header Connection {goodMap.Argument(1)};";
        foreach (var proxyPass in proxyPasses)
        {
            var (inForce, hidden) = proxyPass.Headers();
            var connection = NginxProxyPass.Header(inForce, "Connection");
            var problem = connection is null ? null : Problem(config, connection);
            if (connection is not null && problem is null)
            {
                continue;
            }

            var severity = NginxIssues.HeaderSeverity(proxyPass);
            var breaks = $"the upstream does not get 'Connection: upgrade', so it answers the WebSocket handshake through {proxyPass.Where} as a plain request and the upgrade fails{NginxIssues.Because(proxyPass)}";
            if (connection is not null && proxyPass.IsLocal(connection))
            {
                var fix = problem!.StartsWith("no map", StringComparison.Ordinal) && MapEdit(proxyPass, connection.Argument(1)) is { } map
                    ? new[] { map }
                    : [NginxEdits.ReplaceDirective(connection, fixedDirective)];
                var suggestion = fix[0].NewText.Contains("map ", StringComparison.Ordinal) ? $"define it with 'map $http_upgrade {connection.Argument(1)} {{ default upgrade; '' close; }}'" : $"use '{fixedDirective}'";
                yield return NginxIssues.At(connection, ProxyRuleIds.NginxConnectionHeader, severity, $"'{connection.Text}': {problem}; {breaks}; {suggestion}", fix);
                continue;
            }

            var shadowed = NginxProxyPass.Header(hidden, "Connection");
            var why = connection is not null
                ? $"'{connection.Text}' from line {connection.Line} ({problem})"
                : shadowed is not null && inForce.Count > 0
                    ? $"'{shadowed.Text}' on line {shadowed.Line} is not inherited because the nearer proxy_set_header on line {inForce[0].Line} replaces all inherited ones (nginx sends 'Connection: close')"
                    : "no 'proxy_set_header Connection' (nginx sends 'Connection: close')";
            yield return NginxIssues.At(proxyPass.Directive, ProxyRuleIds.NginxConnectionHeader, severity,
                $"'{proxyPass.Directive.Text}' with {why}: {breaks}; add '{fixedDirective}'",
                proxyPass.InsertAfterProxyPass(fixedDirective));
        }
    }

    /// <summary>Why a Connection header does not carry "upgrade", or null when it does (or may: a variable set elsewhere).</summary>
    private static string? Problem(NginxConfig config, NginxDirective connection)
    {
        var value = connection.Argument(1);
        if (!value.StartsWith('$'))
        {
            return value.Contains("upgrade", StringComparison.OrdinalIgnoreCase) ? null : $"the value \"{value}\" is not \"upgrade\"";
        }

        if (string.Equals(value, "$http_connection", StringComparison.Ordinal))
        {
            return null;
        }

        var map = config.Map(value);
        if (map is not null)
        {
            return MapYieldsUpgrade(map) ? null : $"the map of {value} on line {map.Line} never yields \"upgrade\" for an Upgrade request";
        }

        var variable = value.Trim('{', '}');
        var isSet = config.All().Any(d => d.Name == "set" && d.Argument(0) == variable);
        return isSet ? null : $"no map defines {value}, so nginx refuses the configuration (unknown variable)";
    }

    /// <summary>`map $http_upgrade $var { default upgrade; '' close; }`: a map from the Upgrade header that yields "upgrade".</summary>
    private static bool MapYieldsUpgrade(NginxDirective map) =>
        map.Argument(0) == "$http_upgrade" &&
        map.Block!.Any(entry => entry.Arguments.Count >= 1 && entry.Argument(entry.Arguments.Count - 1).Contains("upgrade", StringComparison.OrdinalIgnoreCase));

    /// <summary>Adds the usual map before the server block, when it sits in an http block of the same file.</summary>
    private static TextEdit? MapEdit(NginxProxyPass proxyPass, string variable)
    {
        var server = proxyPass.Directive.Ancestors().FirstOrDefault(a => a.Name == "server");
        if (server?.Parent?.Name != "http")
        {
            return null;
        }

        var file = server.File;
        var indent = file.Indentation(server.Line);
        var nl = file.NewLine;
        var text = $"map $http_upgrade {variable} {{{nl}{indent}    default upgrade;{nl}{indent}    ''      close;{nl}{indent}}}{nl}";
        return TextEdit.InsertLineBefore(file, server.Line, indent, text);
    }
}
