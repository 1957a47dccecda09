using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.Configuration;
using WsAnalyzers.Configuration;
using WsAnalyzers.Core;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Configuration;

public sealed class WS6002UnencryptedEndpointTests
{
    private static readonly RuleVerifier<ConfigurationAnalyzer, UseWssCodeFixProvider> Verify = new(RuleIdentifiers.UnencryptedEndpoint);

    internal const string Usings = """
        using System;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.SignalR.Client;
        using Websocket.Client;

        """;

    [Fact]
    public Task Remote_ws_endpoints_of_every_client_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Clients
        {
            private const string Feed = {|WS6002:"ws://feed.example.com/ws"|};
            private static readonly Uri Prices = new({|WS6002:"ws://prices.example.com:8080/stream"|});

            public async Task SystemNetAsync(CancellationToken ct)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri({|WS6002:"ws://chat.example.com/ws"|}), ct);
            }

            public async Task ThroughLocalsAsync(CancellationToken ct)
            {
                const string url = {|WS6002:"ws://10.0.0.12:9000"|};
                var uri = new Uri(url);
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(uri, ct);
            }

            public async Task ThroughFieldsAsync(CancellationToken ct)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri(Feed), ct);
                await socket.ConnectAsync(Prices, ct);
            }

            public void WebsocketClientLibrary() => new WebsocketClient(new Uri({|WS6002:"WS://Upper.Example.com/"|})).Start();

            public void WebSocketSharp() => new WebSocketSharp.WebSocket({|WS6002:"ws://game.example.com:8383"|}).Connect();

            public HubConnection SignalR() => new HubConnectionBuilder().WithUrl({|WS6002:"ws://hub.example.com/chat"|}).Build();

            public async Task InterpolatedAsync(int port, string room, CancellationToken ct)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri({|WS6002:$"ws://rooms.example.com:{port}/{room}"|}), ct);
                await socket.ConnectAsync(new Uri({|WS6002:"ws://rooms.example.com/"|} + room), ct);
            }

            public bool TryParse(out Uri? uri) => Uri.TryCreate({|WS6002:"ws://[2001:db8::1]:81/"|}, UriKind.Absolute, out uri);

            public Task ThroughAHelperAsync() => ConnectToAsync({|WS6002:"ws://helper.example.com"|});

            private static async Task ConnectToAsync(string address)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri(address), CancellationToken.None);
            }

            public Task DefaultValueAsync(string address = {|WS6002:"ws://default.example.com"|}) => ConnectToAsync(address);
        }
        """);

    [Fact]
    public Task Literals_spelled_otherwise_are_flagged_by_their_value() => Verify.VerifyAnalyzerAsync(Usings + """"
        class Spellings
        {
            public async Task ConnectAllAsync(CancellationToken ct)
            {
                using var escaped = new ClientWebSocket();
                await escaped.ConnectAsync(new Uri({|WS6002:"\u0077s://escaped.example.com/"|}), ct);
                using var verbatim = new ClientWebSocket();
                await verbatim.ConnectAsync(new Uri({|WS6002:@"ws://verbatim.example.com/"|}), ct);
                using var raw = new ClientWebSocket();
                await raw.ConnectAsync(new Uri({|WS6002:"""ws://raw.example.com/"""|}), ct);
            }
        }
        """");

    [Fact]
    public Task Addresses_in_files_that_name_no_WebSocket_API_are_flagged_in_any_case()
    {
        var test = Verify.CreateTest("""
            static class Endpoints
            {
                public static readonly System.Uri Upper = new({|WS6002:"WS://upper.example.com/chat"|});
                public static readonly System.Uri Mixed = new({|WS6002:"wS://mixed.example.com/chat"|});
                public static readonly System.Uri Secure = new("WSS://secure.example.com/chat");
                public static readonly System.Uri Web = new("http://www.example.com/");
            }
            """, fixedSource: null);
        test.TestState.Sources.Add(("Client.cs", Usings + """
            class Client
            {
                public async Task ConnectAsync(CancellationToken ct)
                {
                    using var socket = new ClientWebSocket();
                    await socket.ConnectAsync(Endpoints.Upper, ct);
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Top_level_programs_are_flagged()
    {
        var test = Verify.CreateTest("""
            using System;
            using System.Net.WebSockets;
            using System.Threading;

            var uri = new Uri(args.Length > 0 ? args[0] : {|WS6002:"ws://chat.example.com/chat"|});
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(uri, CancellationToken.None);
            """, fixedSource: null);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Loopback_any_address_server_binds_and_wss_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using Fleck;

        class LookAlikes
        {
            public async Task LoopbackAsync(int port, CancellationToken ct)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri("ws://localhost:5000/chat"), ct);
                await socket.ConnectAsync(new Uri("ws://127.0.0.1:5000/chat"), ct);
                await socket.ConnectAsync(new Uri("ws://[::1]:5000/"), ct);
                await socket.ConnectAsync(new Uri("ws://api.localhost/"), ct);
                await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/echo"), ct);
                await socket.ConnectAsync(new Uri("wss://chat.example.com/ws"), ct);
                await socket.ConnectAsync(new Uri("ws://0.0.0.0:8181"), ct);
            }

            public void ServerBinds()
            {
                new Fleck.WebSocketServer("ws://0.0.0.0:8181").Start(socket => { });
                new Fleck.WebSocketServer("ws://1.14.96.49:8089").Start(socket => { });
                const string bind = "ws://203.0.113.7:4649";
                var server = new WebSocketSharp.Server.WebSocketServer(bind);
                server.Start();
            }

            public async Task UnknownHostsAsync(string host, CancellationToken ct)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri("ws://" + host + "/chat"), ct);
                await socket.ConnectAsync(new Uri($"ws://{host}/chat"), ct);
                await socket.ConnectAsync(new Uri(string.Format("ws://{0}:{1}", host, 80)), ct);
                await socket.ConnectAsync(new Uri("ws://example" + host), ct);
            }

            public void NotAnEndpoint(string url)
            {
                Console.WriteLine("ws://chat.example.com/ws");
                var isPlain = url.StartsWith("ws://", StringComparison.Ordinal);
                var secure = url.Replace("ws://", "wss://");
                var documented = "ws://chat.example.com is the old address";
            }
        }
        """);

    [Fact]
    public Task The_fix_turns_ws_into_wss_and_keeps_the_rest() => Verify.VerifyCodeFixAsync(Usings + """
        class Clients
        {
            private const string Feed = {|WS6002:"ws://feed.example.com/ws"|};

            public async Task ConnectAsync(int port, CancellationToken ct)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri(Feed), ct);
                await socket.ConnectAsync(new Uri({|WS6002:@"WS://rooms.example.com/a"|}), ct);
                await socket.ConnectAsync(new Uri({|WS6002:$"ws://rooms.example.com:{port}/b"|}), ct);
                new WebSocketSharp.WebSocket({|WS6002:"ws://game.example.com:8383"|} /* game */).Connect();
            }
        }
        """, Usings + """
        class Clients
        {
            private const string Feed = "wss://feed.example.com/ws";

            public async Task ConnectAsync(int port, CancellationToken ct)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(new Uri(Feed), ct);
                await socket.ConnectAsync(new Uri(@"wss://rooms.example.com/a"), ct);
                await socket.ConnectAsync(new Uri($"wss://rooms.example.com:{port}/b"), ct);
                new WebSocketSharp.WebSocket("wss://game.example.com:8383" /* game */).Connect();
            }
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_fail() => Verify.VerifyAnalyzerAsync(Usings + """
        class Broken
        {
            public void M()
            {
                var socket = new WebSocketSharp.WebSocket("ws://game.example.com", {|CS0103:missing|});
                var uri = new {|CS1729:Uri|}();
                {|CS0103:Unknown|}("ws://unknown.example.com");
            }
        }
        """);
}
