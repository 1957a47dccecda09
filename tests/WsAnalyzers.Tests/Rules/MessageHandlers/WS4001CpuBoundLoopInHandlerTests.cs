using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.MessageHandlers;
using WsAnalyzers.Core;
using WsAnalyzers.MessageHandlers;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.MessageHandlers;

public sealed class WS4001CpuBoundLoopInHandlerTests
{
    private static readonly RuleVerifier<MessageHandlersAnalyzer, CpuBoundLoopInHandlerCodeFixProvider> Verify = new(RuleIdentifiers.CpuBoundLoopInHandler);

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    [Fact]
    public Task Data_independent_loops_in_a_receive_loop_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Endpoint
        {
            private readonly List<int[]> _grid = new();
            private volatile bool _stop;

            public async Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[4096];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    var total = 0L;
                    {|WS4001:for|} (var i = 0; i < 1_000_000; i++)
                    {
                        total += i;
                    }

                    {|WS4001:foreach|} (var row in _grid)
                    {
                        foreach (var cell in row)
                        {
                            total += cell;
                        }
                    }

                    {|WS4001:while|} (true)
                    {
                        if (_stop) break;
                    }

                    {|WS4001:foreach|} (var n in Enumerable.Range(0, 50_000))
                    {
                        total -= n;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Library_message_handlers_and_their_helpers_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.AspNetCore.SignalR.Client;

        class Wiring
        {
            private readonly int[][] _matrix = Array.Empty<int[]>();

            public void Wire(WebSocketSharp.WebSocket ws, Fleck.IWebSocketConnection connection, Websocket.Client.WebsocketClient client, HubConnection hub)
            {
                ws.OnMessage += (sender, e) => { {|WS4001:for|} (;;) { } };
                connection.OnMessage = text => { {|WS4001:do|} { } while (true); };
                connection.OnBinary = bytes => Spin();
                System.ObservableExtensions.Subscribe(client.MessageReceived, message =>
                {
                    {|WS4001:for|} (var i = 0; i < 100_000; i++) { }
                });
                hub.On<string>("tick", text =>
                {
                    {|WS4001:foreach|} (var row in _matrix) foreach (var cell in row) { }
                });
            }

            private void Spin()
            {
                {|WS4001:for|} (var i = 20_000; i > 0; i--) { }
            }
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            protected override void OnMessage(WebSocketSharp.MessageEventArgs e)
            {
                {|WS4001:while|} (true) { }
            }
        }

        class PrimeHub : Hub
        {
            public int Count()
            {
                var found = 0;
                {|WS4001:for|} (var n = 2; n < 10_000_000; n++) found++;
                return found;
            }
        }
        """);

    [Fact]
    public Task Payload_bounded_small_awaiting_sending_and_offloaded_loops_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Endpoint
        {
            private readonly List<WebSocket> _sockets = new();
            private readonly List<int> _items = new();

            public async Task HandleAsync(WebSocket socket)
            {
                var buffer = new byte[4096];
                while (true)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    var sum = 0;
                    for (var i = 0; i < result.Count; i++)
                    {
                        sum += buffer[i];
                    }

                    var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                    foreach (var word in text.Split(' '))
                    {
                        foreach (var c in word)
                        {
                            sum += c;
                        }
                    }

                    var position = 0;
                    while (true)
                    {
                        var comma = text.IndexOf(',', position);
                        if (comma < 0) break;
                        position = comma + 1;
                    }

                    for (var i = 0; i < 3; i++)
                    {
                        for (var j = 0; j < 4; j++) sum++;
                    }

                    foreach (var item in _items)
                    {
                        sum += item;
                    }

                    foreach (var other in _sockets)
                    {
                        foreach (var chunk in new[] { buffer })
                        {
                            await other.SendAsync(chunk, WebSocketMessageType.Binary, true, default);
                        }
                    }

                    for (var i = 0; i < 1_000_000; i++)
                    {
                        await Task.Yield();
                    }

                    await Task.Run(() =>
                    {
                        for (var i = 0; i < 1_000_000; i++) sum++;
                    });
                }
            }

            public void NotAHandler()
            {
                while (true) { }
            }
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            protected override void OnMessage(WebSocketSharp.MessageEventArgs e)
            {
                foreach (var line in e.Data.Split('\n'))
                {
                    for (var i = 0; i < line.Length; i++) { }
                }
            }

            protected override void OnOpen()
            {
                for (var i = 0; i < 1_000_000; i++) { }
            }
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_break_the_analyzer()
    {
        var test = Verify.CreateTest(Usings + """
            class Broken : WebSocketSharp.Server.WebSocketBehavior
            {
                protected override void OnMessage(WebSocketSharp.MessageEventArgs e)
                {
                    for (var i = 0; i < ; i++)
                    while (
                    foreach (var x in ) { }
                }
            }
            """, fixedSource: null);
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Clear();
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_All_offloads_loops_of_async_handlers_only()
    {
        var test = Verify.CreateTest(Source, Fixed);

        // The loops that return, and the synchronous override, keep their diagnostic and get no fix.
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        return test.RunAsync();
    }

    private const string Source = Usings + """
        class Endpoint
        {
            private readonly int[][] _matrix = Array.Empty<int[]>();

            public async Task HandleAsync(WebSocket socket)
            {
                var buffer = new byte[4096];
                while (true)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    var total = 0L;
                    // warm the cache
                    {|WS4001:for|} (var i = 0; i < 1_000_000; i++)
                    {
                        total += i;
                    }

                    if (result.Count > 0)
                        {|WS4001:foreach|} (var row in _matrix) foreach (var cell in row) total += cell;

                    {|WS4001:while|} (true)
                    {
                        if (total > 0) return;
                    }
                }
            }
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            protected override void OnMessage(WebSocketSharp.MessageEventArgs e)
            {
                {|WS4001:while|} (true) { }
            }
        }
        """;

    private const string Fixed = Usings + """
        class Endpoint
        {
            private readonly int[][] _matrix = Array.Empty<int[]>();

            public async Task HandleAsync(WebSocket socket)
            {
                var buffer = new byte[4096];
                while (true)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    var total = 0L;
                    // warm the cache
                    await Task.Run(() =>
                    {
                        for (var i = 0; i < 1_000_000; i++)
                        {
                            total += i;
                        }
                    });

                    if (result.Count > 0)
                    {
                        await Task.Run(() => { foreach (var row in _matrix) foreach (var cell in row) total += cell; });
                    }

                    {|WS4001:while|} (true)
                    {
                        if (total > 0) return;
                    }
                }
            }
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            protected override void OnMessage(WebSocketSharp.MessageEventArgs e)
            {
                {|WS4001:while|} (true) { }
            }
        }
        """;
}
