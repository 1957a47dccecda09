using System;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>HAProxy from the Debian package in front of a Kestrel WebSocket server, with real ClientWebSocket clients.</summary>
public sealed class HAProxyRealProxyTests
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Without_timeout_tunnel_short_client_and_server_timeouts_cut_idle_WebSockets_and_are_flagged_timeout_tunnel_holds_them()
    {
        await using var app = await EchoServer.StartAsync(KeepAlive);

        using (var folder = new TempFolder())
        {
            var (haproxy, config) = await HAProxy.StartAsync(folder, "500ms", "500ms", string.Empty, app.Port);
            using (haproxy)
            {
                using var socket = await WebSocketProbe.ConnectAsync(haproxy.Url("/ws"));
                Assert.Equal("hello", await WebSocketProbe.EchoAsync(socket, "hello"));
                var cut = await WebSocketProbe.IdleThenEchoAsync(socket, Idle);
                Assert.True(cut is not null, "an idle WebSocket survived timeout client/server 500ms without timeout tunnel\n" + haproxy.Output);
            }

            var (_, findings) = await CheckProxyRun.RunAsync(folder.Path, config, "--keep-alive", "1s");
            Assert.Equal(["WSP2001"], CheckProxyRun.RuleIds(findings));
        }

        using (var folder = new TempFolder())
        {
            var (haproxy, config) = await HAProxy.StartAsync(folder, "500ms", "500ms", "    timeout tunnel 3s\n", app.Port);
            using (haproxy)
            {
                using var socket = await WebSocketProbe.ConnectAsync(haproxy.Url("/ws"));
                var cut = await WebSocketProbe.IdleThenEchoAsync(socket, Idle);
                Assert.True(cut is null, cut + "\n" + haproxy.Output);
            }

            var (result, findings) = await CheckProxyRun.RunAsync(folder.Path, config, "--keep-alive", "1s");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Empty(findings);
        }
    }
}
