using System;
using System.Collections.Generic;
using System.Linq;

namespace WsAnalyzers.Cli.Proxy.Nginx;

/// <summary>
/// A `proxy_pass` and what applies to it: the location around it, the upstream it names, the directives it inherits
/// (nginx's rules: a single-value directive is inherited from the nearest level that sets it; `proxy_set_header` only
/// from the nearest level that has any `proxy_set_header`), and whether anything says it serves WebSockets.
/// </summary>
internal sealed class NginxProxyPass
{
    private NginxProxyPass(NginxConfig config, NginxDirective proxyPass)
    {
        Config = config;
        Directive = proxyPass;
        Context = proxyPass.Parent;
        Location = proxyPass.Ancestors().FirstOrDefault(a => a.Name == "location");
        Target = TargetName(proxyPass.Argument(0));
        Upstream = Target is null ? null : config.Upstream(Target);
        WebSocketEvidence = FindEvidence();
    }

    public NginxConfig Config { get; }

    public NginxDirective Directive { get; }

    /// <summary>The block the proxy_pass is in (a location, an `if` or `limit_except` in one).</summary>
    public NginxDirective? Context { get; }

    public NginxDirective? Location { get; }

    /// <summary>The host or upstream name of the proxy_pass URL; null when it is built from variables.</summary>
    public string? Target { get; }

    public NginxDirective? Upstream { get; }

    /// <summary>Why this location is taken to serve WebSockets ("the location /ws"), or null.</summary>
    public string? WebSocketEvidence { get; }

    public bool ServesWebSockets => WebSocketEvidence is not null;

    /// <summary>How the location is named in messages: "location /ws".</summary>
    public string Where => Location is null ? $"proxy_pass {Directive.Argument(0)}" : $"location {string.Join(' ', Location.Arguments.Select(a => a.Value))}";

    public static IEnumerable<NginxProxyPass> All(NginxConfig config) =>
        config.All().Where(d => d.Name == "proxy_pass" && d.Block is null && d.Arguments.Count >= 1).Select(d => new NginxProxyPass(config, d));

    /// <summary>The directive in force here, and whether it is written in this location (false: inherited or default).</summary>
    public NginxDirective? Effective(string name)
    {
        foreach (var level in Levels())
        {
            var found = level.Children(name).LastOrDefault();
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The proxy_set_header directives in force, and those of outer levels that the nearer ones hide.</summary>
    public (List<NginxDirective> InForce, List<NginxDirective> Hidden) Headers()
    {
        var inForce = new List<NginxDirective>();
        var hidden = new List<NginxDirective>();
        foreach (var level in Levels())
        {
            var headers = level.Children("proxy_set_header").ToList();
            if (inForce.Count == 0)
            {
                inForce = headers;
            }
            else
            {
                hidden.AddRange(headers);
            }
        }

        return (inForce, hidden);
    }

    public static NginxDirective? Header(IEnumerable<NginxDirective> headers, string name) =>
        headers.LastOrDefault(h => string.Equals(h.Argument(0), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a directive is written in the proxy_pass's own block (or its location), so a fix edits it in place.</summary>
    public bool IsLocal(NginxDirective directive) => directive.Parent == Context || (Location is not null && directive.Parent == Location);

    /// <summary>An edit that adds a directive right after the proxy_pass, on its own line when the proxy_pass ends its line.</summary>
    public TextEdit InsertAfterProxyPass(string directive) => NginxEdits.InsertAfter(Directive, directive);

    private IEnumerable<NginxDirective> Levels()
    {
        for (var level = Directive.Parent; level is not null; level = level.Parent)
        {
            yield return level;
        }
    }

    private string? FindEvidence()
    {
        if (Location is not null && WebSocketHints.Matches(string.Join(' ', Location.Arguments.Select(a => a.Value))))
        {
            return $"the path of {Where}";
        }

        if (WebSocketHints.Matches(Target))
        {
            return Upstream is null ? $"the host name {Target}" : $"the upstream name {Target}";
        }

        var (headers, _) = Headers();
        if (Header(headers, "Upgrade") is not null)
        {
            return "its Upgrade header";
        }

        var server = Directive.Ancestors().FirstOrDefault(a => a.Name == "server");
        var serverName = server?.Children("server_name").SelectMany(s => s.Arguments).FirstOrDefault(a => WebSocketHints.Matches(a.Value));
        return serverName is null ? null : $"the server name {serverName.Value}";
    }

    private static string? TargetName(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0 || url.Contains('$', StringComparison.Ordinal))
        {
            return null;
        }

        var rest = url[(scheme + 3)..];
        var end = rest.IndexOfAny([':', '/']);
        return end < 0 ? rest : rest[..end];
    }
}
