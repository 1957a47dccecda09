using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.MessageHandlers;
using WsAnalyzers.Core;
using WsAnalyzers.MessageHandlers;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.MessageHandlers;

public sealed class WS4002BlockingCallInHandlerTests
{
    private static readonly RuleVerifier<MessageHandlersAnalyzer, BlockingCallInHandlerCodeFixProvider> Verify = new(RuleIdentifiers.BlockingCallInHandler);

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;

        """;

    [Fact]
    public Task Blocking_calls_in_an_AspNetCore_receive_loop_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Endpoint
        {
            private readonly SemaphoreSlim _gate = new(1);

            public async Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context, Func<string, Task<string>> lookup)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[4096];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    {|WS4002:Thread.Sleep(100)|};
                    var reply = {|WS4002:lookup("key").Result|};
                    {|WS4002:_gate.Wait()|};
                    {|WS4002:lookup("x").GetAwaiter().GetResult()|};
                    {|WS4002:Task.Delay(1).Wait()|};
                    {|WS4002:Task.WaitAny(Task.Delay(1), Task.Delay(2))|};
                    _gate.Release();
                }
            }
        }
        """);

    [Fact]
    public Task A_receive_loop_in_top_level_statements_and_the_local_functions_it_calls_are_handlers()
    {
        var test = Verify.CreateTest("""
            using System.Net.WebSockets;
            using System.Threading;

            using var socket = new ClientWebSocket();
            var buffer = new byte[1024];
            while (true)
            {
                await socket.ReceiveAsync(buffer, default);
                {|WS4002:Thread.Sleep(10)|};
                Handle();
            }

            void Handle() => {|WS4002:Thread.Sleep(20)|};

            static void NotCalledFromTheLoop() => Thread.Sleep(30);
            """, fixedSource: null);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Library_message_handlers_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.AspNetCore.SignalR.Client;

        class Wiring
        {
            private readonly ManualResetEventSlim _ready = new();

            public void Sharp(WebSocketSharp.WebSocket ws, Task<string> pending) =>
                ws.OnMessage += (sender, e) => {|WS4002:pending.Wait()|};

            public void Fleck(Fleck.IWebSocketConnection connection, Func<Task> save)
            {
                connection.OnMessage = message => {|WS4002:save().GetAwaiter().GetResult()|};
                connection.OnBinary = bytes => {|WS4002:_ready.Wait()|};
            }

            public IDisposable Rx(Websocket.Client.WebsocketClient client, Task[] work) =>
                System.ObservableExtensions.Subscribe(client.MessageReceived, message => {|WS4002:Task.WaitAll(work)|});

            public void SignalRClient(HubConnection connection) =>
                connection.On<string>("tick", text => {|WS4002:Thread.Sleep(50)|});
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            private readonly SemaphoreSlim _gate = new(1);

            protected override void OnMessage(WebSocketSharp.MessageEventArgs e) => {|WS4002:_gate.Wait()|};
        }

        class ChatHub : Hub
        {
            public string Lookup(string key, Func<Task<string>> load) => {|WS4002:load().Result|};
        }
        """);

    [Fact]
    public Task Same_type_methods_called_from_a_handler_are_followed_cycle_safe() => Verify.VerifyAnalyzerAsync(Usings + """
        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            protected override void OnMessage(WebSocketSharp.MessageEventArgs e) => Handle(e.Data);

            private void Handle(string text)
            {
                Parse(text);
                Handle(text);
            }

            private void Parse(string text)
            {
                {|WS4002:Thread.Sleep(10)|};
                Parse(text);
                Third();
            }

            // Five calls deep from the handler: followed. Six: not.
            private void Third() => Fourth();

            private void Fourth() => Fifth();

            private void Fifth()
            {
                {|WS4002:Thread.Sleep(5)|};
                Sixth();
            }

            private void Sixth() => Thread.Sleep(6);

            // Not called from a handler: not on the receive path.
            public void Maintenance() => Thread.Sleep(1000);

            private void Offloaded() => Thread.Sleep(1000);

            protected override void OnOpen() => Task.Run(() => Offloaded());
        }
        """);

    [Fact]
    public Task Blocking_outside_handlers_and_offloaded_work_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Worker
        {
            private readonly Channel<string> _queue = Channel.CreateUnbounded<string>();

            public void Wire(WebSocketSharp.WebSocket ws)
            {
                ws.OnMessage += (sender, e) => _queue.Writer.TryWrite(e.Data);
                ws.OnMessage += (sender, e) => Task.Run(() => Thread.Sleep(100));
                ws.OnClose += (sender, e) => Thread.Sleep(100);
            }

            public void Consume()
            {
                while (_queue.Reader.TryRead(out var item))
                {
                    Thread.Sleep(10);
                }
            }

            public string Synchronous(Task<string> task) => task.Result;

            public async Task ReceiveAsync(ClientWebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var first = Task.FromResult(1);
                    var second = Task.FromResult(2);
                    var result = await socket.ReceiveAsync(buffer, default);
                    await Task.WhenAll(first, second);
                    var sum = first.Result + second.Result;
                    if (second.IsCompleted)
                    {
                        sum += second.GetAwaiter().GetResult();
                    }

                    var polled = new SemaphoreSlim(1).Wait(0);
                }
            }
        }
        """);

    [Fact]
    public Task Open_and_connect_handlers_are_a_connection_path() => Verify.VerifyAnalyzerAsync(Usings + """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.AspNetCore.SignalR.Client;

        class Room : WebSocketSharp.Server.WebSocketBehavior
        {
            private readonly Func<Task<string>> _load = () => Task.FromResult("");

            protected override void OnOpen() => Send({|WS4002:_load().Result|});
        }

        class LobbyHub : Hub
        {
            private readonly Func<Task> _register = () => Task.CompletedTask;

            public override Task OnConnectedAsync()
            {
                {|WS4002:_register().Wait()|};
                return base.OnConnectedAsync();
            }

            public override Task OnDisconnectedAsync(Exception? exception)
            {
                _register().Wait();
                return base.OnDisconnectedAsync(exception);
            }
        }

        class Wiring
        {
            public void Wire(WebSocketSharp.WebSocket ws, Fleck.IWebSocketConnection connection, Websocket.Client.WebsocketClient client, HubConnection hub, Task pending)
            {
                ws.OnOpen += (sender, e) => {|WS4002:Thread.Sleep(100)|};
                connection.OnOpen = () => {|WS4002:pending.Wait()|};
                System.ObservableExtensions.Subscribe(client.ReconnectionHappened, info => {|WS4002:Thread.Sleep(10)|});
                hub.Reconnected += id =>
                {
                    {|WS4002:pending.Wait()|};
                    return Task.CompletedTask;
                };
                connection.OnClose = () => pending.Wait();
            }
        }
        """);

    [Fact]
    public Task A_connection_loop_around_a_receive_loop_is_not_a_message_handler() => Verify.VerifyAnalyzerAsync(Usings + """
        class Listener
        {
            private volatile bool _stop;

            // The outer loop runs once per connection: its connect, its close and its back-off are not on the receive path.
            public void ListenerLoop(Uri uri, CancellationToken token)
            {
                while (!_stop)
                {
                    try
                    {
                        using var socket = new ClientWebSocket();
                        socket.ConnectAsync(uri, CancellationToken.None).Wait();
                        while (!_stop && socket.State == WebSocketState.Open)
                        {
                            var buffer = new ArraySegment<byte>(new byte[5 * 1024]);
                            var received = {|WS4002:socket.ReceiveAsync(buffer, token).Result|};
                            {|WS4002:Thread.Sleep(10)|};
                        }

                        if (socket.State == WebSocketState.Open)
                        {
                            socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).Wait();
                        }
                    }
                    catch (Exception)
                    {
                        Thread.Sleep(5000);
                    }
                }
            }

            // The outer loop runs once per message: the inner loop only gathers its fragments.
            public async Task FragmentsAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    }
                    while (!result.EndOfMessage);

                    {|WS4002:Thread.Sleep(10)|};
                }
            }

            // One loop that reconnects when it must and receives in its own body: once per message.
            public async Task ReconnectingAsync(ClientWebSocket socket, Uri uri)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    if (socket.State != WebSocketState.Open)
                    {
                        await socket.ConnectAsync(uri, default);
                    }

                    await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    {|WS4002:Thread.Sleep(10)|};
                }
            }
        }
        """);

    [Fact]
    public Task The_code_after_an_accept_serves_the_connection() => Verify.VerifyAnalyzerAsync(Usings + """
        using Microsoft.AspNetCore.Http;

        class Middleware
        {
            private readonly Func<Task<string>> _welcome = () => Task.FromResult("hi");

            public async Task InvokeAsync(HttpContext context)
            {
                var before = _welcome().Result;
                if (!context.WebSockets.IsWebSocketRequest)
                {
                    Thread.Sleep(10);
                    return;
                }

                using (var socket = await context.WebSockets.AcceptWebSocketAsync())
                {
                    var text = {|WS4002:_welcome().Result|};
                    Greet(socket);
                }
            }

            public async Task AcceptAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
                {|WS4002:Thread.Sleep(10)|};
            }

            public void HandOff(HttpContext context)
            {
                var pending = context.WebSockets.AcceptWebSocketAsync();
                Thread.Sleep(10);
                _ = pending;
            }

            private void Greet(WebSocket socket) => {|WS4002:socket.SendAsync(new byte[] { 1 }, WebSocketMessageType.Binary, true, default).Wait()|};
        }
        """);

    [Fact]
    public Task Methods_attached_as_handlers_by_method_group_are_handlers() => Verify.VerifyAnalyzerAsync(Usings + """
        class Wiring
        {
            private readonly Func<Task> _save = () => Task.CompletedTask;

            public void Wire(WebSocketSharp.WebSocket ws, Fleck.IWebSocketConnection connection)
            {
                ws.OnMessage += OnMessage;
                connection.OnMessage = OnText;
                connection.OnClose = OnClosed;
                Task.Run(Background);
            }

            private void OnMessage(object? sender, WebSocketSharp.MessageEventArgs e) => {|WS4002:_save().Wait()|};

            private void OnText(string text) => Store(text);

            private void Store(string text) => {|WS4002:Thread.Sleep(text.Length)|};

            private void OnClosed() => _save().Wait();

            private void Background() => Thread.Sleep(1000);
        }
        """);

    [Fact]
    public Task A_blocking_call_four_calls_away_from_OnMessage_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using System.Net.Http;

        class Board : WebSocketSharp.Server.WebSocketBehavior
        {
            private static readonly List<bool> Ready = new();

            protected override void OnMessage(WebSocketSharp.MessageEventArgs e)
            {
                if (e.Data.Contains("|ready|"))
                {
                    SetReadyState();
                }
            }

            public void SetReadyState()
            {
                Ready.Add(true);
                ControlReadyState();
            }

            public void ControlReadyState()
            {
                var start = true;
                for (var i = 0; i < Ready.Count && start; i++)
                {
                    start = Ready[i];
                }

                if (start)
                {
                    StartGame();
                }
            }

            public void StartGame()
            {
                using var client = new HttpClient();
                var deck = {|WS4002:client.GetAsync("https://example.com/deck").Result|};
                GiveCards();
            }

            public void GiveCards()
            {
                using var client = new HttpClient();
                var cards = {|WS4002:client.GetAsync("https://example.com/draw").Result|};
                var json = {|WS4002:cards.Content.ReadAsStringAsync().Result|};
                Send(json);
            }
        }
        """);

    [Fact]
    public Task Look_alike_members_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Thread2 { public static void Sleep(int ms) { } }

        class Result { public int Value => 1; }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            protected override void OnMessage(WebSocketSharp.MessageEventArgs e)
            {
                Thread2.Sleep(1);
                var r = new { Result = 1 }.Result;
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
                    {|WS4002:Thread.Sleep(1)|};
                    var x = Missing().Result
                    Handle(
                }
            }
            """, fixedSource: null);
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_awaits_in_an_async_receive_loop() => Verify.VerifyCodeFixAsync(Usings + """
        class Endpoint
        {
            private readonly SemaphoreSlim _gate = new(1);

            public async Task HandleAsync(WebSocket socket, Func<string, Task<string>> lookup, Task[] work)
            {
                var buffer = new byte[4096];
                while (true)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    {|WS4002:Thread.Sleep(TimeSpan.FromMilliseconds(100))|};
                    var length = {|WS4002:lookup("key").Result|}.Length;
                    var reply = {|WS4002:lookup("key").Result|};
                    {|WS4002:_gate.Wait(default(CancellationToken))|};
                    {|WS4002:lookup("x").ConfigureAwait(false).GetAwaiter().GetResult()|};
                    {|WS4002:Task.Delay(1).Wait()|};
                    {|WS4002:Task.WaitAll(work)|};
                    _gate.Release();
                }
            }
        }
        """, Usings + """
        class Endpoint
        {
            private readonly SemaphoreSlim _gate = new(1);

            public async Task HandleAsync(WebSocket socket, Func<string, Task<string>> lookup, Task[] work)
            {
                var buffer = new byte[4096];
                while (true)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    await Task.Delay(TimeSpan.FromMilliseconds(100));
                    var length = (await lookup("key")).Length;
                    var reply = await lookup("key");
                    await _gate.WaitAsync(default(CancellationToken));
                    await lookup("x").ConfigureAwait(false);
                    await Task.Delay(1);
                    await Task.WhenAll(work);
                    _gate.Release();
                }
            }
        }
        """);

    [Fact]
    public Task Fix_makes_an_event_handler_lambda_async_once_for_all_its_blocking_calls() => Verify.VerifyCodeFixAsync(Usings + """
        class Client
        {
            public void Wire(WebSocketSharp.WebSocket ws, Func<string, Task> save)
            {
                ws.OnMessage += (sender, e) =>
                {
                    {|WS4002:Thread.Sleep(10)|};
                    {|WS4002:save(e.Data).Wait()|};
                };
                ws.OnMessage += (sender, e) => {|WS4002:Thread.Sleep(5)|};
            }
        }
        """, Usings + """
        class Client
        {
            public void Wire(WebSocketSharp.WebSocket ws, Func<string, Task> save)
            {
                ws.OnMessage += async (sender, e) =>
                {
                    await Task.Delay(10);
                    await save(e.Data);
                };
                ws.OnMessage += async (sender, e) => await Task.Delay(5);
            }
        }
        """);

    [Fact]
    public Task Fix_makes_a_hub_method_that_nothing_calls_directly_async()
    {
        var test = Verify.CreateTest(Usings + """
            using Microsoft.AspNetCore.SignalR;

            class LookupHub : Hub
            {
                private readonly Func<string, Task<string>> _load = Task.FromResult;

                public string Lookup(string key) => {|WS4002:_load(key).Result|};

                public void Pause(int ms)
                {
                    {|WS4002:Thread.Sleep(ms)|};
                    {|WS4002:Thread.Sleep(ms)|};
                }

                public int Length(string key) => {|WS4002:_load(key).Result|}.Length;

                public int Twice(string key) => Length(key) * 2;
            }
            """, Usings + """
            using Microsoft.AspNetCore.SignalR;

            class LookupHub : Hub
            {
                private readonly Func<string, Task<string>> _load = Task.FromResult;

                public async Task<string> Lookup(string key) => await _load(key);

                public async Task Pause(int ms)
                {
                    await Task.Delay(ms);
                    await Task.Delay(ms);
                }

                public int Length(string key) => {|WS4002:_load(key).Result|}.Length;

                public int Twice(string key) => Length(key) * 2;
            }
            """);
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_makes_a_function_that_returns_a_task_async_in_place() => Verify.VerifyCodeFixAsync(Usings + """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.AspNetCore.SignalR.Client;

        class LobbyHub : Hub
        {
            private readonly Func<Task> _register = () => Task.CompletedTask;
            private readonly Func<string, Task<int>> _count = _ => Task.FromResult(1);

            public override Task OnConnectedAsync()
            {
                {|WS4002:_register().Wait()|};
                if (Context.ConnectionId.Length == 0)
                {
                    return Task.CompletedTask;
                }

                return base.OnConnectedAsync();
            }

            public Task<int> Count(string room) => Task.FromResult({|WS4002:_count(room).Result|} + 1);
        }

        class Wiring
        {
            public void Wire(HubConnection hub, Fleck.IWebSocketConnection connection, Func<string, Task> save, Task pending)
            {
                hub.On<string>("note", text =>
                {
                    {|WS4002:Thread.Sleep(10)|};
                    if (text.Length == 0)
                        return Task.CompletedTask;
                    return save(text);
                });
                connection.OnOpen = () => {|WS4002:pending.Wait()|};
            }
        }
        """, Usings + """
        using Microsoft.AspNetCore.SignalR;
        using Microsoft.AspNetCore.SignalR.Client;

        class LobbyHub : Hub
        {
            private readonly Func<Task> _register = () => Task.CompletedTask;
            private readonly Func<string, Task<int>> _count = _ => Task.FromResult(1);

            public override async Task OnConnectedAsync()
            {
                await _register();
                if (Context.ConnectionId.Length == 0)
                {
                    return;
                }

                await base.OnConnectedAsync();
            }

            public async Task<int> Count(string room) => await Task.FromResult(await _count(room) + 1);
        }

        class Wiring
        {
            public void Wire(HubConnection hub, Fleck.IWebSocketConnection connection, Func<string, Task> save, Task pending)
            {
                hub.On<string>("note", async text =>
                {
                    await Task.Delay(10);
                    if (text.Length == 0)
                        return;
                    await save(text);
                });
                connection.OnOpen = async () => await pending;
            }
        }
        """);

    [Fact]
    public Task No_fix_in_synchronous_helpers_a_handler_calls()
    {
        var source = Usings + """
            class Board : WebSocketSharp.Server.WebSocketBehavior
            {
                private readonly Func<Task<string>> _draw = () => Task.FromResult("");

                protected override void OnMessage(WebSocketSharp.MessageEventArgs e) => Deal();

                private void Deal() => Send({|WS4002:_draw().Result|});
            }
            """;
        return Verify.CreateTest(source, source).RunAsync();
    }

    [Fact]
    public Task No_fix_where_await_is_not_safe()
    {
        var source = Usings + """
            class Chat : WebSocketSharp.Server.WebSocketBehavior
            {
                private readonly object _lock = new();

                protected override void OnMessage(WebSocketSharp.MessageEventArgs e) => {|WS4002:Thread.Sleep(10)|};

                public async Task ReceiveAsync(WebSocket socket, Task<int> pending)
                {
                    while (true)
                    {
                        await socket.ReceiveAsync(new byte[10], default);
                        lock (_lock)
                        {
                            var value = {|WS4002:pending.Result|};
                        }

                        {|WS4002:pending.Wait(100)|};
                    }
                }
            }
            """;
        return Verify.CreateTest(source, source).RunAsync();
    }
}
