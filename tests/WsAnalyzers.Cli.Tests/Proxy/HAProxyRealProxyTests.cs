using System;
using System.Threading.Tasks;

namespace WsAnalyzers.Cli.Tests.Proxy;

/// <summary>HAProxy from the Debian package in front of a Kestrel WebSocket server, with real ClientWebSocket clients.</summary>
public sealed class HAProxyRealProxyTests
{
    // The server's keep-alive every 2 s; 1 s client and server timeouts cut an idle socket, a 5 s tunnel timeout holds
    // it for the 6 s the test idles. The first echo must cross the 1 s timeout, a margin a loaded CI machine needs.
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task Without_timeout_tunnel_short_client_and_server_timeouts_cut_idle_WebSockets_and_are_flagged_timeout_tunnel_holds_them()
    {
        await using var app = await EchoServer.StartAsync(KeepAlive);

        using (var folder = new TempFolder())
        {
            var (haproxy, config) = await HAProxy.StartAsync(folder, "1s", "1s", string.Empty, app.Port);
            using (haproxy)
            {
                using var socket = await WebSocketProbe.ConnectAsync(haproxy.Url("/ws"));
                Assert.Equal("hello", await WebSocketProbe.EchoAsync(socket, "hello"));
                var cut = await WebSocketProbe.IdleThenEchoAsync(socket, Idle);
                Assert.True(cut is not null, "an idle WebSocket survived timeout client/server 1s without timeout tunnel\n" + haproxy.Output);
            }

            var (_, findings) = await CheckProxyRun.RunAsync(folder.Path, config, "--keep-alive", "2s");
            Assert.Equal(["WSP2001"], CheckProxyRun.RuleIds(findings));
        }

        using (var folder = new TempFolder())
        {
            var (haproxy, config) = await HAProxy.StartAsync(folder, "1s", "1s", "    timeout tunnel 5s\n", app.Port);
            using (haproxy)
            {
                using var socket = await WebSocketProbe.ConnectAsync(haproxy.Url("/ws"));
                var cut = await WebSocketProbe.IdleThenEchoAsync(socket, Idle);
                Assert.True(cut is null, cut + "\n" + haproxy.Output);
            }

            var (result, findings) = await CheckProxyRun.RunAsync(folder.Path, config, "--keep-alive", "2s");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Empty(findings);
        }
    }

    /// <summary>
    /// The issue asked for a rule against `option httpclose` / `option http-server-close` on WebSocket backends. On
    /// HAProxy 2.x both carry WebSockets (HAProxy switches to a tunnel on 101), so check-proxy has no such rule; this
    /// test keeps it that way and would show a change of behaviour in a newer HAProxy.
    /// </summary>
    [Theory]
    [InlineData("option httpclose")]
    [InlineData("option http-server-close")]
    public async Task Connection_close_options_carry_WebSockets_and_are_not_flagged(string option)
    {
        await using var app = await EchoServer.StartAsync(KeepAlive);
        using var folder = new TempFolder();
        var (haproxy, config) = await HAProxy.StartAsync(folder, "1s", "1s", $"    {option}\n    timeout tunnel 5s\n", app.Port);
        using (haproxy)
        {
            Assert.Null(await WebSocketProbe.HandshakeErrorAsync(haproxy.Url("/ws")));
            using var socket = await WebSocketProbe.ConnectAsync(haproxy.Url("/ws"));
            var cut = await WebSocketProbe.IdleThenEchoAsync(socket, Idle);
            Assert.True(cut is null, cut + "\n" + haproxy.Output);
        }

        var (result, findings) = await CheckProxyRun.RunAsync(folder.Path, config, "--keep-alive", "2s");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(findings);
    }
}
