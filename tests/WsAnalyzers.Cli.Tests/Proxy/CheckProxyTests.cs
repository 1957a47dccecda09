using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>`check-proxy` on configuration files, run as a process: findings, formats, exit codes, fixes.</summary>
public sealed class CheckProxyTests
{
    [Fact]
    public async Task Incident_guide_problematic_config_reports_missing_upgrade_headers_and_affinity()
    {
        var (result, findings) = await CheckProxyRun.RunAsync(CliProcess.RepositoryRoot, ProxyConfigs.GuideProblematic);

        Assert.True(result.ExitCode == 1, result.ToString());
        // The three upgrade headers on the proxy_pass (line 10), affinity on the upstream (line 2); with ASP.NET Core's
        // default 2-minute keep-alive the 60 s default read timeout is too short as well, and buffering is info.
        Assert.Equal(
            [("WSP1001", 10), ("WSP1002", 10), ("WSP1003", 10), ("WSP1004", 10), ("WSP1005", 10), ("WSP1006", 2)],
            findings.Select(f => (f.RuleId, f.Line)).OrderBy(f => f.RuleId).ToList());
        Assert.All(findings.Where(f => f.RuleId != "WSP1005"), f => Assert.Equal("warning", f.Severity));
        Assert.Equal("tests/WsAnalyzers.Cli.Tests/Proxy/Configs/incident-guide-problematic.conf", findings[0].Path);
    }

    [Fact]
    public async Task Incident_guide_proper_config_reports_nothing_and_exits_0()
    {
        var result = await CliProcess.RunToolAsync(CliProcess.RepositoryRoot, "check-proxy", ProxyConfigs.GuideProper);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("No findings in 1 file(s).", result.Output.Trim());
    }

    [Fact]
    public async Task Text_report_names_file_line_directive_what_breaks_and_the_fixed_directive()
    {
        var result = await CliProcess.RunToolAsync(CliProcess.RepositoryRoot, "check-proxy", ProxyConfigs.GuideProblematic, "--rules", "WSP1002");

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = result.Output.Split('\n')[0];
        Assert.StartsWith("tests/WsAnalyzers.Cli.Tests/Proxy/Configs/incident-guide-problematic.conf(10,9): warning WSP1002: 'proxy_pass http://websocket_backend;'", line);
        Assert.Contains("every WebSocket handshake through location / fails", line);
        Assert.Contains("add 'proxy_set_header Upgrade $http_upgrade;'", line);
        Assert.EndsWith("[nginx]", line.TrimEnd());
    }

    [Fact]
    public async Task Sarif_describes_the_proxy_rules_and_fail_on_error_exits_0_on_warnings()
    {
        using var folder = new TempFolder();
        var sarifPath = folder.Combine("proxy.sarif");

        var result = await CliProcess.RunToolAsync(CliProcess.RepositoryRoot, "check-proxy", ProxyConfigs.GuideProblematic, "--format", "sarif", "--output", sarifPath, "--fail-on", "error");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var sarif = Sarif.Load(sarifPath);
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        Assert.All(rules, id => Assert.StartsWith("WSP", id));
        var results = Sarif.Results(sarif.RootElement);
        Assert.Equal(6, results.Count);
        Assert.All(results, r => Assert.Contains(r.RuleId, rules));
        Assert.All(results, r => Assert.Equal("SRCROOT", r.UriBaseId));
    }

    [Fact]
    public async Task Includes_with_globs_quotes_comments_maps_and_header_inheritance()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("conf.d"));
        Directory.CreateDirectory(folder.Combine("snippets"));
        File.WriteAllText(folder.Combine("nginx.conf"), """
            events {}
            http {
                # the map that makes $connection_upgrade "upgrade" for WebSocket requests
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }
                proxy_set_header Upgrade $http_upgrade;   # inherited only where a location sets no header of its own
                include conf.d/*.conf;
            }
            """);
        File.WriteAllText(folder.Combine("conf.d", "chat.conf"), """
            server {
                listen 80;
                server_name "chat.example.com";
                location /hubs/ {
                    proxy_pass http://127.0.0.1:5000;
                    include snippets/ws.conf;
                }
                location /socket/ {
                    proxy_pass http://127.0.0.1:5001;
                    proxy_http_version 1.1;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_buffering off;
                    proxy_read_timeout 1h;
                }
            }
            """);
        File.WriteAllText(folder.Combine("snippets", "ws.conf"), """
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
            proxy_buffering off;
            proxy_read_timeout "10m";
            """);

        var (result, findings) = await CheckProxyRun.RunAsync(folder.Path, "nginx.conf");

        // /hubs/ gets everything from its snippet. /socket/ has its own proxy_set_header, so the Upgrade header of the
        // http block is not inherited: only that is reported, on its proxy_pass.
        var finding = Assert.Single(findings);
        Assert.Equal(("WSP1002", "conf.d/chat.conf", 9), (finding.RuleId, finding.Path, finding.Line));
        Assert.Equal(3, JsonFindings.Summary(result.Output, "files"));
    }

    [Fact]
    public async Task A_location_without_WebSocket_evidence_gets_the_header_rules_as_info_only()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("api.conf"), "server { listen 80; location /api/ { proxy_pass http://127.0.0.1:5000; } }\n");

        var (result, findings) = await CheckProxyRun.RunAsync(folder.Path, "api.conf");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["WSP1001", "WSP1002", "WSP1003"], CheckProxyRun.RuleIds(findings));
        Assert.All(findings, f => Assert.Equal("info", f.Severity));
    }

    [Fact]
    public async Task Undefined_connection_upgrade_variable_is_reported_and_the_fix_adds_its_map()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("nginx.conf");
        File.WriteAllText(path, """
            events {}
            http {
                server {
                    listen 80;
                    location /ws {
                        proxy_pass http://127.0.0.1:5000;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_buffering off;
                        proxy_read_timeout 1h;
                    }
                }
            }
            """);

        var (_, findings) = await CheckProxyRun.RunAsync(folder.Path, "nginx.conf");
        var finding = Assert.Single(findings);
        Assert.Equal(("WSP1003", 9), (finding.RuleId, finding.Line));

        var fix = await CliProcess.RunToolAsync(folder.Path, "check-proxy", "nginx.conf", "--fix");
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Contains("map $http_upgrade $connection_upgrade {", File.ReadAllText(path));
        var (after, remaining) = await CheckProxyRun.RunAsync(folder.Path, "nginx.conf");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Empty(remaining);
    }

    [Fact]
    public async Task Fix_writes_the_corrected_files_and_dry_run_prints_the_diff_and_changes_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("site.conf");
        File.Copy(ProxyConfigs.GuideProblematic, path);
        var original = File.ReadAllText(path);

        var dryRun = await CliProcess.RunToolAsync(folder.Path, "check-proxy", "site.conf", "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Equal(original, File.ReadAllText(path));
        Assert.Contains("--- a/site.conf", dryRun.Output);
        Assert.Contains("+        proxy_set_header Upgrade $http_upgrade;", dryRun.Output);
        Assert.Contains("+    ip_hash;", dryRun.Output);
        Assert.Contains("would change 1 file(s)", dryRun.Error);

        var fix = await CliProcess.RunToolAsync(folder.Path, "check-proxy", "site.conf", "--fix");
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Contains("Fixed site.conf", fix.Output);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));

        var (after, findings) = await CheckProxyRun.RunAsync(folder.Path, "site.conf");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Empty(findings);
    }

    [Fact]
    public async Task HAProxy_defaults_frontend_routing_tunnel_timeout_and_stickiness()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("haproxy.cfg");
        File.WriteAllText(path, """
            global
                maxconn 4096

            defaults
                mode http
                timeout connect 5s
                timeout client  30s
                timeout server  30s

            frontend web
                bind *:80
                acl is_websocket hdr(Upgrade) -i WebSocket
                use_backend chat if is_websocket
                default_backend api

            backend chat
                balance roundrobin
                server s1 10.0.0.1:5000 check
                server s2 10.0.0.2:5000 check

            backend api
                server a1 10.0.0.3:5000
                server a2 10.0.0.4:5000

            """);

        var (result, findings) = await CheckProxyRun.RunAsync(folder.Path, "haproxy.cfg");

        Assert.True(result.ExitCode == 1, result.ToString());
        // Only the backend the Upgrade ACL routes to; the api backend is plain HTTP.
        Assert.Equal([("WSP2001", 16), ("WSP2003", 17)], findings.Select(f => (f.RuleId, f.Line)).ToList());

        var fix = await CliProcess.RunToolAsync(folder.Path, "check-proxy", "haproxy.cfg", "--fix");
        Assert.True(fix.ExitCode == 0, fix.ToString());
        var text = File.ReadAllText(path);
        Assert.Contains("    timeout tunnel 4m\n    balance source\n", text);
        var (_, remaining) = await CheckProxyRun.RunAsync(folder.Path, "haproxy.cfg");
        Assert.Empty(remaining);
    }

    [Fact]
    public async Task Yarp_appsettings_activity_timeout_version_policy_and_affinity_with_fix()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("appsettings.json");
        File.WriteAllText(path, """
            {
              // comments are allowed in appsettings.json
              "ReverseProxy": {
                "Routes": {
                  "chat": { "ClusterId": "chat", "Match": { "Path": "/hubs/{**rest}" } },
                  "api": { "ClusterId": "api", "Match": { "Path": "/api/{**rest}" } },
                },
                "Clusters": {
                  "chat": {
                    "Destinations": {
                      "d1": { "Address": "http://10.0.0.1:5000/" },
                      "d2": { "Address": "http://10.0.0.2:5000/" }
                    },
                    "HttpRequest": { "ActivityTimeout": "00:00:30", "VersionPolicy": "RequestVersionExact" }
                  },
                  "api": { "Destinations": { "d1": { "Address": "http://10.0.0.3:5000/" }, "d2": { "Address": "http://10.0.0.4:5000/" } } }
                }
              }
            }
            """);

        var (_, findings) = await CheckProxyRun.RunAsync(folder.Path, folder.Path, "--keep-alive", "30s");
        Assert.Equal([("WSP3003", 9), ("WSP3001", 14), ("WSP3002", 14)], findings.Select(f => (f.RuleId, f.Line)).ToList());

        var fix = await CliProcess.RunToolAsync(folder.Path, "check-proxy", "appsettings.json", "--keep-alive", "30s", "--fix");
        Assert.True(fix.ExitCode == 0, fix.ToString());
        using (JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
        {
        }

        var (after, remaining) = await CheckProxyRun.RunAsync(folder.Path, "appsettings.json", "--keep-alive", "30s");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Empty(remaining);
    }

    [Fact]
    public async Task Code_configured_Yarp_clusters_are_checked_and_the_keep_alive_is_read_from_the_application()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("Proxy.cs"), """
            using System;
            using System.Collections.Generic;
            using Yarp.ReverseProxy.Configuration;
            using Yarp.ReverseProxy.Forwarder;

            static class Routes
            {
                public static RouteConfig[] All = [new RouteConfig { RouteId = "ws", ClusterId = "app", Match = new RouteMatch { Path = "/ws" } }];

                public static ClusterConfig[] Clusters =
                [
                    new ClusterConfig
                    {
                        ClusterId = "app",
                        Destinations = new Dictionary<string, DestinationConfig> { ["d1"] = new DestinationConfig { Address = "http://10.0.0.1/" } },
                        HttpRequest = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(60) },
                    },
                ];
            }
            """);
        File.WriteAllText(folder.Combine("Program.cs"), """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(45) });
            """);

        var (result, findings) = await CheckProxyRun.RunAsync(folder.Path, folder.Path);

        // 60 s is less than twice the 45 s the application pings at (read from Program.cs); no automatic fix in code.
        var finding = Assert.Single(findings);
        Assert.Equal(("WSP3001", "Proxy.cs", 16), (finding.RuleId, finding.Path, finding.Line));
        Assert.Contains("KeepAliveInterval in Program.cs:2", result.Output);

        var (_, withOption) = await CheckProxyRun.RunAsync(folder.Path, folder.Path, "--keep-alive", "20s");
        Assert.Empty(withOption);
    }

    [Theory]
    [InlineData("'missing.conf' does not exist", "missing.conf")]
    [InlineData("unbalanced.conf:2: unexpected end of file, expecting \"}\"", "unbalanced.conf")]
    [InlineData("extra-brace.conf:3: unexpected \"}\"", "extra-brace.conf")]
    [InlineData("no-semicolon.conf:1: unexpected \"}\"", "no-semicolon.conf")]
    [InlineData("include \"absent/*.conf\"", "bad-include.conf")]
    [InlineData("unknown keyword 'timeout' out of section", "out-of-section.cfg")]
    [InlineData("not valid JSON", "appsettings.json")]
    [InlineData("--keep-alive 'soon' is not a duration", "api.conf --keep-alive soon")]
    [InlineData("no rule matches 'WS1001'", "api.conf --rules WS1001")]
    [InlineData("no nginx, HAProxy or YARP configuration in 'empty'", "empty")]
    public async Task Bad_input_exits_2_with_one_line_reason(string reason, string commandLine)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("api.conf"), "server { location / { proxy_pass http://a; } }\n");
        File.WriteAllText(folder.Combine("unbalanced.conf"), "http {\n    server {\n        location / { proxy_pass http://a; }\n");
        File.WriteAllText(folder.Combine("extra-brace.conf"), "http {\n}\n}\n");
        File.WriteAllText(folder.Combine("no-semicolon.conf"), "server { listen 80 }\n");
        File.WriteAllText(folder.Combine("bad-include.conf"), "http { include absent/*.conf; include absent/site.conf; }\n");
        File.WriteAllText(folder.Combine("out-of-section.cfg"), "timeout client 5s\nfrontend a\n");
        File.WriteAllText(folder.Combine("appsettings.json"), "{ \"ReverseProxy\": { \n");
        Directory.CreateDirectory(folder.Combine("empty"));

        var result = await CliProcess.RunToolAsync(folder.Path, ["check-proxy", .. commandLine.Split(' ')]);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Error.Split('\n', System.StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("wsanalyzers: error: ", line);
        Assert.Contains(reason.Replace("include \"absent/*.conf\"", "include \"absent/site.conf\""), line);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Configurations_nginx_itself_rejects_are_rejected_too()
    {
        var nginx = ProxyBinary.Require("nginx");
        using var folder = new TempFolder();
        var path = folder.Combine("nginx.conf");
        File.WriteAllText(path, "events {}\nhttp {\n    server {\n        listen 127.0.0.1:8080;\n        location / { proxy_pass http://127.0.0.1:5000;\n    }\n}\n");

        var nginxTest = await CliProcess.RunAsync(nginx, folder.Path, ["-t", "-p", folder.Path + "/", "-c", path, "-e", folder.Combine("error.log")]);
        var check = await CliProcess.RunToolAsync(folder.Path, "check-proxy", "nginx.conf");

        Assert.NotEqual(0, nginxTest.ExitCode);
        Assert.Contains("unexpected end of file, expecting \"}\"", nginxTest.Error);
        Assert.True(check.ExitCode == 2, check.ToString());
        Assert.Contains("unexpected end of file, expecting \"}\"", check.Error);
    }
}
