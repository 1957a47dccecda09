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

            protected override void OnClose(WebSocketSharp.CloseEventArgs e)
            {
                for (var i = 0; i < 1_000_000; i++) { }
            }
        }
        """);

    [Fact]
    public Task Nested_loops_bounded_by_a_number_the_peer_sent_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using Microsoft.AspNetCore.SignalR;

        class Grid : WebSocketSharp.Server.WebSocketBehavior
        {
            protected override void OnMessage(WebSocketSharp.MessageEventArgs e)
            {
                var size = int.Parse(e.Data);
                var cells = new int[size, size];
                {|WS4001:for|} (var i = 0; i < size; i++)
                {
                    for (var j = 0; j < size; j++)
                    {
                        cells[i, j] = i * j;
                    }
                }

                Send(cells.Length.ToString());
            }
        }

        record Request(string Name, int Rows, int Columns);

        class Endpoint
        {
            private readonly List<string> _names = new();

            public async Task ReceiveAsync(WebSocket socket)
            {
                var buffer = new byte[4096];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                    var request = System.Text.Json.JsonSerializer.Deserialize<Request>(text)!;
                    var area = 0L;
                    {|WS4001:for|} (var row = 0; row < request.Rows; row++)
                    {
                        for (var column = 0; column < request.Columns; column++) area++;
                    }

                    var count = BitConverter.ToInt32(buffer, 0);
                    {|WS4001:foreach|} (var name in _names)
                    {
                        for (var k = 0; k < count; k++) area += name.Length;
                    }
                }
            }
        }

        class Wiring
        {
            public void Wire(Fleck.IWebSocketConnection connection) =>
                connection.OnMessage = message =>
                {
                    if (!int.TryParse(message, out var depth)) return;
                    var steps = depth * 2;
                    var total = 0;
                    {|WS4001:while|} (steps-- > 0)
                    {
                        foreach (var n in Enumerable.Range(0, depth)) total += n;
                    }
                };
        }

        class PaintHub : Hub
        {
            public int Fill(int width, int height)
            {
                var painted = 0;
                {|WS4001:for|} (var x = 0; x < width; x++)
                {
                    for (var y = 0; y < height; y++) painted++;
                }

                return painted;
            }
        }
        """);

    [Fact]
    public Task Loops_bounded_by_the_message_or_a_capped_number_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Grid : WebSocketSharp.Server.WebSocketBehavior
        {
            protected override void OnMessage(WebSocketSharp.MessageEventArgs e)
            {
                var size = int.Parse(e.Data);
                var total = 0;

                // One loop is linear in the number: not the nested shape.
                for (var i = 0; i < size; i++) total++;

                // The inner bound is a small constant.
                for (var i = 0; i < size; i++)
                {
                    for (var j = 0; j < 3; j++) total++;
                }

                // Capped before use.
                var side = Math.Min(int.Parse(e.Data), 100);
                for (var i = 0; i < side; i++)
                {
                    for (var j = 0; j < side; j++) total++;
                }

                // The message's own size and elements.
                foreach (var line in e.Data.Split('\n'))
                {
                    for (var i = 0; i < line.Length; i++) total += line[i];
                }

                // A length-prefixed record: the loops walk the message's bytes.
                var bytes = e.RawData;
                var rows = BitConverter.ToInt32(bytes, 0);
                var columns = BitConverter.ToInt32(bytes, 4);
                for (var r = 0; r < rows; r++)
                {
                    for (var c = 0; c < columns; c++) total += bytes[8 + r * columns + c];
                }

                // Offloaded.
                Task.Run(() =>
                {
                    for (var i = 0; i < size; i++)
                    {
                        for (var j = 0; j < size; j++) total++;
                    }
                });

                Fill(size);
            }

            // A helper's parameter may come from anywhere: benefit of the doubt.
            private static int Fill(int side)
            {
                var painted = 0;
                for (var x = 0; x < side; x++)
                {
                    for (var y = 0; y < side; y++) painted++;
                }

                return painted;
            }
        }
        """);

    [Fact]
    public Task Loops_that_block_and_loops_four_calls_away_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Board : WebSocketSharp.Server.WebSocketBehavior
        {
            private static readonly List<int[]> Hands = new();
            private readonly Func<Task<string>> _draw = () => Task.FromResult("");

            protected override void OnMessage(WebSocketSharp.MessageEventArgs e)
            {
                // Waits on I/O each round (WS4002 reports the wait), computes nothing.
                foreach (var hand in Hands)
                {
                    for (var i = 0; i < hand.Length; i++)
                    {
                        hand[i] = _draw().Result.Length;
                    }
                }

                Deal();
            }

            // Three calls from the handler: followed. Four: a loop's cost is only read from its shape, not followed.
            private void Deal() => Shuffle();

            private void Shuffle() => Count();

            private void Count()
            {
                var total = 0;
                {|WS4001:foreach|} (var hand in Hands) foreach (var card in hand) total += card;
                Reset();
            }

            private void Reset()
            {
                foreach (var hand in Hands) for (var i = 0; i < hand.Length; i++) hand[i] = 0;
            }
        }
        """);

    [Fact]
    public Task Busy_waits_on_a_receive_path_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Endpoint
        {
            private volatile bool _ready;
            private volatile bool _stop;
            private Task _pending = Task.CompletedTask;

            public async Task ReceiveAsync(WebSocket socket)
            {
                var buffer = new byte[4096];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    {|WS4001:while|} (!_ready) { }
                    {|WS4001:do|} { Thread.SpinWait(20); } while (!_pending.IsCompleted);
                    {|WS4001:while|} (true)
                    {
                        if (_stop) break;
                    }
                }
            }

            public void Wire(Fleck.IWebSocketConnection connection, WebSocketSharp.WebSocket ws)
            {
                connection.OnMessage = text => { {|WS4001:for|} (; !_ready;) ; };
                ws.OnMessage += (sender, e) => { {|WS4001:while|} (ws.ReadyState == WebSocketSharp.WebSocketState.Connecting) Thread.Yield(); };
            }
        }
        """);

    [Fact]
    public Task Loops_that_change_what_they_wait_for_and_busy_waits_off_the_receive_path_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Endpoint
        {
            private readonly System.Collections.Concurrent.ConcurrentQueue<string> _queue = new();
            private volatile bool _ready;

            public async Task ReceiveAsync(WebSocket socket, System.IO.TextReader reader)
            {
                var buffer = new byte[4096];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);

                    // Calls in the condition: they may do the work (and a poll of a queue is not told from one here).
                    while (reader.Read() != '\n') { }
                    while (!_queue.TryDequeue(out var item)) { }

                    // The body changes what the condition reads.
                    var position = 0;
                    while (position < result.Count) position++;

                    // Waits without a thread.
                    while (!_ready) await Task.Delay(10);
                }
            }

            public void NotOnAReceivePath()
            {
                while (!_ready) { }
            }

            public void Offloaded(Fleck.IWebSocketConnection connection) =>
                connection.OnMessage = text => Task.Run(() => { while (!_ready) { } });
        }
        """);

    [Fact]
    public Task Open_and_connect_handlers_are_a_connection_path() => Verify.VerifyAnalyzerAsync(Usings + """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.AspNetCore.SignalR.Client;

        class Room : WebSocketSharp.Server.WebSocketBehavior
        {
            private static readonly int[][] Seats = Array.Empty<int[]>();

            protected override void OnOpen()
            {
                var free = 0;
                {|WS4001:foreach|} (var row in Seats) foreach (var seat in row) free += seat;
            }
        }

        class LobbyHub : Hub
        {
            private static readonly List<List<string>> Rooms = new();

            public override async Task OnConnectedAsync()
            {
                var members = 0;
                {|WS4001:foreach|} (var room in Rooms)
                {
                    foreach (var member in room) members++;
                }

                await base.OnConnectedAsync();
            }
        }

        class Wiring
        {
            private volatile bool _ready;

            public void Wire(WebSocketSharp.WebSocket ws, Fleck.IWebSocketConnection connection, Websocket.Client.WebsocketClient client, HubConnection hub)
            {
                ws.OnOpen += (sender, e) => { {|WS4001:while|} (!_ready) { } };
                connection.OnOpen = () => { {|WS4001:for|} (var i = 0; i < 1_000_000; i++) { } };
                System.ObservableExtensions.Subscribe(client.ReconnectionHappened, info => { {|WS4001:while|} (true) { } });
                hub.Reconnected += id => { {|WS4001:while|} (!_ready) { } return Task.CompletedTask; };
            }
        }
        """);

    [Fact]
    public Task Close_and_error_handlers_are_not_a_connection_path() => Verify.VerifyAnalyzerAsync(Usings + """
        class Wiring
        {
            private volatile bool _ready;

            public void Wire(WebSocketSharp.WebSocket ws, Fleck.IWebSocketConnection connection)
            {
                ws.OnClose += (sender, e) => { while (!_ready) { } };
                connection.OnError = error => { for (var i = 0; i < 1_000_000; i++) { } };
            }
        }
        """);

    [Fact]
    public Task The_code_after_an_accept_serves_the_connection()
    {
        var test = Verify.CreateTest("""
            using System.Net.WebSockets;
            using System.Text;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseWebSockets();
            app.Use(async (context, next) =>
            {
                if (context.Request.Path == "/ws")
                {
                    while (!context.WebSockets.IsWebSocketRequest) { }
                    if (context.WebSockets.IsWebSocketRequest)
                    {
                        using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
                        await Echo(context, webSocket);
                    }
                    else
                    {
                        Spin();
                    }
                }
                else
                {
                    await next(context);
                }
            });

            static async Task Echo(HttpContext context, WebSocket webSocket)
            {
                await webSocket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes("hello")), WebSocketMessageType.Text, true, CancellationToken.None);
                {|WS4001:while|} (true) { }
            }

            static void Spin()
            {
                while (true) { }
            }

            app.Run();
            """, fixedSource: null);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("GlobalUsings.cs", WebUsings));
        return test.RunAsync();
    }

    [Fact]
    public Task Methods_attached_as_handlers_by_method_group_are_handlers() => Verify.VerifyAnalyzerAsync(Usings + """
        class Wiring
        {
            private volatile bool _ready;

            public void Wire(WebSocketSharp.WebSocket ws, Fleck.IWebSocketConnection connection)
            {
                ws.OnMessage += OnMessage;
                connection.OnOpen = OnOpened;
                connection.OnClose = OnClosed;
                Task.Run(Poll);
            }

            private void OnMessage(object? sender, WebSocketSharp.MessageEventArgs e)
            {
                {|WS4001:while|} (!_ready) { }
            }

            private void OnOpened() => Wait();

            private void Wait()
            {
                {|WS4001:while|} (!_ready) { }
            }

            private void OnClosed()
            {
                while (!_ready) { }
            }

            private void Poll()
            {
                while (!_ready) { }
            }
        }
        """);

    private const string WebUsings = """
        global using System;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Http;
        """;

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
    public Task Fix_All_offloads_loops_and_makes_busy_waits_wait_in_async_handlers()
    {
        var test = Verify.CreateTest(Source, Fixed);

        // The synchronous override keeps its diagnostic and gets no fix.
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        return test.RunAsync();
    }

    private const string Source = Usings + """
        class Endpoint
        {
            private readonly int[][] _matrix = Array.Empty<int[]>();
            private volatile bool _ready;

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

                    {|WS4001:while|} (!_ready) { }

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
            private volatile bool _ready;

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

                    while (!_ready)
                    {
                        await Task.Delay(1);
                    }

                    while (true)
                    {
                        if (total > 0) return;
                        await Task.Delay(1);
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

    [Fact]
    public Task Fix_makes_the_handler_async_where_its_signature_allows() => Verify.VerifyCodeFixAsync(Usings + """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.AspNetCore.SignalR.Client;

        class Wiring
        {
            private readonly int[][] _matrix = Array.Empty<int[]>();
            private volatile bool _ready;

            public void Wire(WebSocketSharp.WebSocket ws, Fleck.IWebSocketConnection connection, HubConnection hub)
            {
                ws.OnMessage += (sender, e) =>
                {
                    var total = 0;
                    {|WS4001:foreach|} (var row in _matrix) foreach (var cell in row) total += cell;
                    {|WS4001:while|} (!_ready) { }
                };
                connection.OnOpen = () => { {|WS4001:while|} (!_ready) { } };
                hub.Reconnected += id =>
                {
                    {|WS4001:while|} (!_ready) { }
                    return Task.CompletedTask;
                };
            }
        }

        class PaintHub : Hub
        {
            private static readonly List<List<string>> Rooms = new();

            public int Fill(int width, int height)
            {
                var painted = 0;
                {|WS4001:for|} (var x = 0; x < width; x++)
                {
                    for (var y = 0; y < height; y++) painted++;
                }

                return painted;
            }

            public override Task OnConnectedAsync()
            {
                var members = 0;
                {|WS4001:foreach|} (var room in Rooms)
                {
                    foreach (var member in room) members++;
                }

                return base.OnConnectedAsync();
            }
        }
        """, Usings + """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.AspNetCore.SignalR.Client;

        class Wiring
        {
            private readonly int[][] _matrix = Array.Empty<int[]>();
            private volatile bool _ready;

            public void Wire(WebSocketSharp.WebSocket ws, Fleck.IWebSocketConnection connection, HubConnection hub)
            {
                ws.OnMessage += async (sender, e) =>
                {
                    var total = 0;
                    await Task.Run(() => { foreach (var row in _matrix) foreach (var cell in row) total += cell; });
                    while (!_ready)
                    {
                        await Task.Delay(1);
                    }
                };
                connection.OnOpen = async () => { while (!_ready) { await Task.Delay(1); } };
                hub.Reconnected += async id =>
                {
                    while (!_ready)
                    {
                        await Task.Delay(1);
                    }
                };
            }
        }

        class PaintHub : Hub
        {
            private static readonly List<List<string>> Rooms = new();

            public async Task<int> Fill(int width, int height)
            {
                var painted = 0;
                await Task.Run(() =>
                {
                    for (var x = 0; x < width; x++)
                    {
                        for (var y = 0; y < height; y++) painted++;
                    }
                });

                return painted;
            }

            public override async Task OnConnectedAsync()
            {
                var members = 0;
                await Task.Run(() =>
                {
                    foreach (var room in Rooms)
                    {
                        foreach (var member in room) members++;
                    }
                });

                await base.OnConnectedAsync();
            }
        }
        """);

    [Fact]
    public Task Fix_waits_forever_without_a_thread_where_the_connection_path_spins_forever()
    {
        var test = Verify.CreateTest("""
            using System.Net.WebSockets;

            var app = WebApplication.CreateBuilder(args).Build();
            app.UseWebSockets();
            app.Run(async context =>
            {
                using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
                await Hold(webSocket);
            });

            static async Task Hold(WebSocket webSocket)
            {
                await webSocket.SendAsync(new byte[] { 1 }, WebSocketMessageType.Binary, true, CancellationToken.None);
                {|WS4001:while|} (true) { }
            }

            app.Run();
            """, """
            using System.Net.WebSockets;

            var app = WebApplication.CreateBuilder(args).Build();
            app.UseWebSockets();
            app.Run(async context =>
            {
                using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
                await Hold(webSocket);
            });

            static async Task Hold(WebSocket webSocket)
            {
                await webSocket.SendAsync(new byte[] { 1 }, WebSocketMessageType.Binary, true, CancellationToken.None);
                while (true)
                {
                    await Task.Delay(Timeout.Infinite);
                }
            }

            app.Run();
            """);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("GlobalUsings.cs", WebUsings));
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("GlobalUsings.cs", WebUsings));
        return test.RunAsync();
    }

    [Fact]
    public Task No_fix_where_the_handler_cannot_await()
    {
        var source = Usings + """
            class Grid : WebSocketSharp.Server.WebSocketBehavior
            {
                private readonly object _lock = new();
                private volatile bool _ready;

                protected override void OnMessage(WebSocketSharp.MessageEventArgs e)
                {
                    var size = int.Parse(e.Data);
                    {|WS4001:for|} (var i = 0; i < size; i++)
                    {
                        for (var j = 0; j < size; j++) { }
                    }

                    Wait();
                }

                private void Wait()
                {
                    {|WS4001:while|} (!_ready) { }
                }

                public async Task ReceiveAsync(WebSocket socket)
                {
                    while (true)
                    {
                        await socket.ReceiveAsync(new byte[10], default);
                        lock (_lock)
                        {
                            {|WS4001:while|} (!_ready) { }
                        }
                    }
                }
            }
            """;
        return Verify.CreateTest(source, source).RunAsync();
    }
}
