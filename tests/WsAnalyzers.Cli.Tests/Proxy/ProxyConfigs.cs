using System.IO;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>The configurations of the real-proxy tests: the incident guide's nginx examples, and small broken / fixed pairs.</summary>
internal static class ProxyConfigs
{
    public static string Folder => Path.Combine(CliProcess.RepositoryRoot, "tests", "WsAnalyzers.Cli.Tests", "Proxy", "Configs");

    /// <summary>The incident guide's "problematic" nginx configuration, verbatim: no upgrade headers, no affinity.</summary>
    public static string GuideProblematic => Path.Combine(Folder, "incident-guide-problematic.conf");

    /// <summary>The incident guide's "proper" nginx configuration, verbatim.</summary>
    public static string GuideProper => Path.Combine(Folder, "incident-guide-proper.conf");

    /// <summary>A WebSocket location with everything right except, possibly, its read timeout.</summary>
    public static string NginxSite(string readTimeout) => $$"""
        upstream ws_app {
            server 127.0.0.1:3000;
        }

        server {
            listen 80;
            location /ws {
                proxy_pass http://ws_app;
                proxy_http_version 1.1;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection "upgrade";
                proxy_buffering off;
                proxy_read_timeout {{readTimeout}};
            }
        }
        """;

    /// <summary>An HAProxy front for a WebSocket backend; <paramref name="backendExtra"/> is added to the backend section.</summary>
    public static string HAProxy(int port, int appPort, string clientTimeout, string serverTimeout, string backendExtra) => $"""
        global
            maxconn 100

        defaults
            mode http
            timeout connect 2s
            timeout client {clientTimeout}
            timeout server {serverTimeout}

        frontend web
            bind 127.0.0.1:{port}
            default_backend ws_backend

        backend ws_backend
        {backendExtra}    server app 127.0.0.1:{appPort}
        """;
}
