using System;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>
/// nginx from the Debian package in front of a Kestrel WebSocket server, with real ClientWebSocket clients: the
/// configurations check-proxy flags break WebSockets, the ones it passes carry them.
/// </summary>
public sealed class NginxRealProxyTests
{
    // The server's keep-alive every 2 s; a 1 s read timeout cuts an idle socket, 5 s (over twice the keep-alive) holds
    // it for the 6 s the test idles. The first echo must cross the 1 s timeout, a margin a loaded CI machine needs.
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Incident_guide_problematic_config_refuses_the_upgrade_and_is_flagged_the_proper_one_carries_WebSockets_and_is_not()
    {
        await using var app1 = await EchoServer.StartAsync(KeepAlive);
        await using var app2 = await EchoServer.StartAsync(KeepAlive);

        using (var folder = new TempFolder())
        {
            var (nginx, config) = await Nginx.StartAsync(folder, System.IO.File.ReadAllText(ProxyConfigs.GuideProblematic), app1.Port, app2.Port);
            using (nginx)
            {
                var error = await WebSocketProbe.HandshakeErrorAsync(nginx.Url("/chat"));
                Assert.True(error is not null, "the problematic configuration carried a WebSocket");
                Assert.Contains("101", error);
            }

            var (result, findings) = await CheckProxyRun.RunAsync(folder.Path, config, "--keep-alive", "2s");
            Assert.True(result.ExitCode == 1, result.ToString());
            // Upgrade headers (WSP1001-1003), buffering (info) and affinity; the 60 s default read timeout outlasts a 2 s keep-alive.
            Assert.Equal(["WSP1001", "WSP1002", "WSP1003", "WSP1005", "WSP1006"], CheckProxyRun.RuleIds(findings));
            Assert.All(findings, f => Assert.Equal("site.conf", System.IO.Path.GetFileName(f.Path)));
        }

        using (var folder = new TempFolder())
        {
            var (nginx, config) = await Nginx.StartAsync(folder, System.IO.File.ReadAllText(ProxyConfigs.GuideProper), app1.Port, app2.Port);
            using (nginx)
            {
                Assert.Null(await WebSocketProbe.HandshakeErrorAsync(nginx.Url("/chat")));
            }

            var (result, findings) = await CheckProxyRun.RunAsync(folder.Path, config, "--keep-alive", "2s");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Empty(findings);
        }
    }

    [Fact]
    public async Task Read_timeout_below_the_keep_alive_cuts_idle_WebSockets_and_is_flagged_twice_the_keep_alive_holds_them()
    {
        await using var app = await EchoServer.StartAsync(KeepAlive);

        using (var folder = new TempFolder())
        {
            var (nginx, config) = await Nginx.StartAsync(folder, ProxyConfigs.NginxSite("1s"), app.Port);
            using (nginx)
            {
                using var socket = await WebSocketProbe.ConnectAsync(nginx.Url("/ws"));
                Assert.Equal("hello", await WebSocketProbe.EchoAsync(socket, "hello"));
                var cut = await WebSocketProbe.IdleThenEchoAsync(socket, Idle);
                Assert.True(cut is not null, "an idle WebSocket survived proxy_read_timeout 1s\n" + nginx.Output);
            }

            var (_, findings) = await CheckProxyRun.RunAsync(folder.Path, config, "--keep-alive", "2s");
            Assert.Equal(["WSP1004"], CheckProxyRun.RuleIds(findings));
        }

        using (var folder = new TempFolder())
        {
            var (nginx, config) = await Nginx.StartAsync(folder, ProxyConfigs.NginxSite("5s"), app.Port);
            using (nginx)
            {
                using var socket = await WebSocketProbe.ConnectAsync(nginx.Url("/ws"));
                var cut = await WebSocketProbe.IdleThenEchoAsync(socket, Idle);
                Assert.True(cut is null, cut + "\n" + nginx.Output);
            }

            var (result, findings) = await CheckProxyRun.RunAsync(folder.Path, config, "--keep-alive", "2s");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Empty(findings);
        }
    }
}
