using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.Sending;
using WsAnalyzers.Core;
using WsAnalyzers.Sending;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Sending;

public sealed class WS3003SendNotAwaitedTests
{
    private static readonly RuleVerifier<SendingAnalyzer, SendNotAwaitedCodeFixProvider> Verify = new(RuleIdentifiers.SendNotAwaited);

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
    public Task Dropped_and_stored_sends_that_overlap_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Session
        {
            private readonly ClientWebSocket _socket = new();

            public async Task EchoAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, default);
                    _ = {|WS3003:socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default)|};
                }
            }

            public Task SendAllAsync(IEnumerable<byte[]> messages)
            {
                var pending = new List<Task>();
                foreach (var message in messages)
                {
                    pending.Add({|WS3003:_socket.SendAsync(message, WebSocketMessageType.Text, true, default)|});
                }

                return Task.WhenAll(pending);
            }

            public void Notify(byte[] data) => {|WS3003:_socket.SendAsync(data, WebSocketMessageType.Binary, true, default)|};

            public async Task ReplyAsync(byte[] data) => await _socket.SendAsync(data, WebSocketMessageType.Binary, true, default);
        }
        """);

    [Fact]
    public Task Sends_from_timers_events_and_background_tasks_that_overlap_other_sends_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Session
        {
            private readonly WebSocket _socket;
            private readonly System.Timers.Timer _heartbeat = new(30_000);
            private Timer? _ping;

            public Session(WebSocket socket) => _socket = socket;

            public void Start()
            {
                _heartbeat.Elapsed += async (s, e) => await {|WS3003:_socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default)|};
                _ping = new Timer(async _ => await {|WS3003:_socket.SendAsync(new byte[2], WebSocketMessageType.Binary, true, default)|}, null, 1000, 1000);
            }

            public async Task ReplyAsync(byte[] data) => await _socket.SendAsync(data, WebSocketMessageType.Text, true, default);

            public async Task EchoAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                using var ws = await context.WebSockets.AcceptWebSocketAsync();
                _ = Task.Run(async () =>
                {
                    while (true)
                    {
                        await Task.Delay(30_000);
                        await {|WS3003:ws.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, true, default)|};
                    }
                });
                var buffer = new byte[1024];
                var result = await ws.ReceiveAsync(buffer, default);
                while (!result.CloseStatus.HasValue)
                {
                    await ws.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default);
                    result = await ws.ReceiveAsync(buffer, default);
                }
            }
        }
        """);

    [Fact]
    public Task Awaited_serialised_queued_and_per_connection_sends_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Session
        {
            private readonly WebSocket _socket;
            private readonly SemaphoreSlim _sendLock = new(1, 1);
            private readonly Channel<byte[]> _outbox = Channel.CreateUnbounded<byte[]>();
            private readonly List<WebSocket> _all = new();
            private readonly WebSocketSharp.WebSocket _sharp = new("ws://localhost");
            private Timer? _ping;

            public Session(WebSocket socket) => _socket = socket;

            public void Start()
            {
                _ping = new Timer(async _ => await SendLockedAsync(new byte[1]), null, 1000, 1000);
                _ping = new Timer(_ => _outbox.Writer.TryWrite(new byte[1]), null, 1000, 1000);
                _ping = new Timer(_ => _sharp.SendAsync("ping", ok => { }), null, 1000, 1000);
            }

            public async Task SendLockedAsync(byte[] data)
            {
                await _sendLock.WaitAsync();
                try
                {
                    await _socket.SendAsync(data, WebSocketMessageType.Binary, true, default);
                }
                finally
                {
                    _sendLock.Release();
                }
            }

            public async Task PumpAsync(CancellationToken cancellationToken)
            {
                await foreach (var data in _outbox.Reader.ReadAllAsync(cancellationToken))
                {
                    await _sendLock.WaitAsync(cancellationToken);
                    try { await _socket.SendAsync(data, WebSocketMessageType.Binary, true, cancellationToken); }
                    finally { _sendLock.Release(); }
                }
            }

            public Task BroadcastAsync(byte[] data)
            {
                var sends = new List<Task>();
                foreach (var socket in _all)
                {
                    sends.Add(socket.SendAsync(data, WebSocketMessageType.Text, true, default));
                }

                return Task.WhenAll(sends);
            }

            public async Task AwaitLaterAsync(WebSocket socket, byte[] data)
            {
                var first = socket.SendAsync(data, WebSocketMessageType.Text, true, default);
                await first;
                await socket.SendAsync(data, WebSocketMessageType.Text, true, default);
            }

            public Task Forward(WebSocket socket, byte[] data) => socket.SendAsync(data, WebSocketMessageType.Text, true, default);

            public void SendBlocking(byte[] data)
            {
                _socket.SendAsync(data, WebSocketMessageType.Text, true, default).Wait();
                _socket.SendAsync(data, WebSocketMessageType.Text, true, default).GetAwaiter().GetResult();
            }
        }
        """);

    [Fact]
    public Task Callbacks_handed_out_or_subscribed_that_overlap_other_sends_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        interface IEventBus
        {
            void Subscribe<T>(Func<T, Task> handler);
        }

        class Session
        {
            private readonly WebSocket _socket;

            public Session(WebSocket socket) => _socket = socket;

            public Action<string> Forwarder() =>
                message => {|WS3003:_socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default)|};

            public Func<string, Task> AsyncForwarder() =>
                async message => await {|WS3003:_socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default)|};

            public async Task ReplyAsync(byte[] data) => await _socket.SendAsync(data, WebSocketMessageType.Text, true, default);
        }

        static class Relay
        {
            public static async Task RunAsync(WebSocket ws, IEventBus bus, IObservable<string> feed)
            {
                bus.Subscribe(Forward(ws));
                using var subscription = feed.Subscribe(message =>
                    {|WS3003:ws.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default)|});
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await ws.ReceiveAsync(buffer, default);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    await ws.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default);
                }
            }

            private static Func<string, Task> Forward(WebSocket ws) =>
                message => {|WS3003:ws.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default)|};
        }
        """);

    [Fact]
    public Task Handed_out_callbacks_that_are_the_only_sender_or_serialised_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        interface IEventBus
        {
            void Subscribe<T>(Func<T, Task> handler);
        }

        class Session
        {
            private readonly WebSocket _socket;
            private readonly SemaphoreSlim _gate = new(1, 1);

            public Session(WebSocket socket) => _socket = socket;

            public Func<string, Task> Forwarder() => async message =>
            {
                await _gate.WaitAsync();
                try
                {
                    await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default);
                }
                finally
                {
                    _gate.Release();
                }
            };

            public async Task ReplyAsync(byte[] data)
            {
                await _gate.WaitAsync();
                try
                {
                    await _socket.SendAsync(data, WebSocketMessageType.Text, true, default);
                }
                finally
                {
                    _gate.Release();
                }
            }
        }

        static class Relay
        {
            public static async Task RunAsync(WebSocket ws, IEventBus bus)
            {
                bus.Subscribe(Forward(ws));
                var buffer = new byte[1024];
                while ((await ws.ReceiveAsync(buffer, default)).MessageType != WebSocketMessageType.Close)
                {
                }
            }

            // A custom bus's Subscribe is not known to call back concurrently.
            public static async Task EchoAsync(WebSocket ws, IEventBus bus)
            {
                bus.Subscribe<string>(async message => await ws.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default));
                await ws.SendAsync(new byte[1], WebSocketMessageType.Text, true, default);
            }

            private static Func<string, Task> Forward(WebSocket ws) =>
                message => ws.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default);
        }
        """);

    [Fact]
    public Task A_method_started_again_without_await_while_it_sends_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using System.Collections.Concurrent;

        class User
        {
            public WebSocket WebSocket { get; set; } = null!;
        }

        class ConnectionManager
        {
            public ConcurrentDictionary<Guid, User> Connections { get; } = new();

            public void KillConnection(Guid guid)
            {
                Connections.TryRemove(guid, out _);
                MessageAll("np", Guid.NewGuid());
            }

            public async Task MessageAll(string text, Guid except)
            {
                foreach (var guid in Connections.Keys)
                {
                    if (guid == except)
                    {
                        continue;
                    }

                    var socket = Connections[guid].WebSocket;
                    if (socket.State == WebSocketState.Open)
                    {
                        await {|WS3003:socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default)|};
                    }
                    else
                    {
                        KillConnection(guid);
                    }
                }
            }
        }

        class Ticker
        {
            private readonly ClientWebSocket _socket = new();
            private Timer? _timer;

            public void Start() => _timer = new Timer(_ => _ = PushAsync(), null, 0, 100);

            public void Burst()
            {
                for (var i = 0; i < 3; i++)
                {
                    PushAsync();
                }
            }

            private async Task PushAsync() =>
                await {|WS3003:_socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default)|};
        }
        """);

    [Fact]
    public Task A_method_started_once_without_await_or_awaited_by_its_callers_is_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Feed
        {
            private readonly ClientWebSocket _socket = new();
            private readonly SemaphoreSlim _gate = new(1, 1);

            public void Start() => _ = RunAsync();

            public async Task PumpAsync(IEnumerable<byte[]> messages)
            {
                foreach (var message in messages)
                {
                    await PushAsync(message);
                    _ = PushLockedAsync(message);
                }
            }

            private async Task RunAsync() => await _socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default);

            private async Task PushAsync(byte[] message) => await _socket.SendAsync(message, WebSocketMessageType.Binary, true, default);

            private async Task PushLockedAsync(byte[] message)
            {
                await _gate.WaitAsync();
                try
                {
                    await _socket.SendAsync(message, WebSocketMessageType.Binary, true, default);
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        """);

    [Fact]
    public Task Runs_started_without_await_that_each_send_on_the_socket_they_accepted_or_created_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using System.Net;

        class Server
        {
            private readonly ClientWebSocket _upstream = new();

            public async Task RunAsync(HttpListener listener)
            {
                while (true)
                {
                    var context = await listener.GetContextAsync();
                    _ = ServeAsync(context);
                    _ = ProbeAsync(new Uri("wss://example.org/probe"));
                    _ = ForwardAsync();
                }
            }

            private async Task ServeAsync(HttpListenerContext context)
            {
                var webSocketContext = await context.AcceptWebSocketAsync(subProtocol: null);
                using var socket = webSocketContext.WebSocket;
                await socket.SendAsync(new byte[1], WebSocketMessageType.Text, true, default);
            }

            private async Task ProbeAsync(Uri uri)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(uri, default);
                await socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default);
            }

            private async Task ForwardAsync()
            {
                var socket = _upstream;
                await {|WS3003:socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default)|};
            }
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_break_the_analyzer()
    {
        var test = Verify.CreateTest(Usings + """
            class Broken
            {
                private WebSocket _socket;

                public void Go()
                {
                    _ = _socket.SendAsync(
                    new Timer(_ => _socket.SendAsync(, null, 1, 1);
                }
            }
            """, fixedSource: null);
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Clear();
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_awaits_a_dropped_send_where_that_is_enough() => Verify.VerifyCodeFixAsync(Usings + """
        class Echo
        {
            public async Task RunAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, default);
                    // echo
                    _ = {|WS3003:socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default)|}.ConfigureAwait(false);
                }
            }
        }
        """, Usings + """
        class Echo
        {
            public async Task RunAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, default);
                    // echo
                    await socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default).ConfigureAwait(false);
                }
            }
        }
        """);

    [Fact]
    public Task Fix_serialises_a_timer_and_the_replies_on_a_field_socket() => Verify.VerifyCodeFixAsync(Usings + """
        class Session
        {
            private readonly WebSocket _socket;
            private Timer? _heartbeat;
            private Timer? _ping;

            public Session(WebSocket socket) => _socket = socket;

            public void Start()
            {
                _heartbeat = new Timer(async _ => await {|WS3003:_socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default)|}, null, 1000, 1000);
                _ping = new Timer(_ =>
                {
                    _ = {|WS3003:_socket.SendAsync(new byte[2], WebSocketMessageType.Binary, true, default)|};
                }, null, 1000, 1000);
            }

            public void Reply(string text) => {|WS3003:_socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default)|};

            public async Task ReplyAsync(byte[] data)
            {
                await _socket.SendAsync(data, WebSocketMessageType.Text, true, default);
            }
        }
        """, Usings + """
        class Session
        {
            private readonly SemaphoreSlim _sendLock = new SemaphoreSlim(1, 1);
            private readonly WebSocket _socket;
            private Timer? _heartbeat;
            private Timer? _ping;

            public Session(WebSocket socket) => _socket = socket;

            public void Start()
            {
                _heartbeat = new Timer(async _ =>
                {
                    await _sendLock.WaitAsync();
                    try
                    {
                        await _socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default);
                    }
                    finally
                    {
                        _sendLock.Release();
                    }
                }, null, 1000, 1000);
                _ping = new Timer(_ =>
                {
                    _ = SendSerialisedAsync();
                    async Task SendSerialisedAsync()
                    {
                        await _sendLock.WaitAsync();
                        try
                        {
                            await _socket.SendAsync(new byte[2], WebSocketMessageType.Binary, true, default);
                        }
                        finally
                        {
                            _sendLock.Release();
                        }
                    }
                }, null, 1000, 1000);
            }

            public void Reply(string text)
            {
                _ = SendSerialisedAsync2();
                async Task SendSerialisedAsync2()
                {
                    await _sendLock.WaitAsync();
                    try
                    {
                        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);
                    }
                    finally
                    {
                        _sendLock.Release();
                    }
                }
            }

            public async Task ReplyAsync(byte[] data)
            {
                await _sendLock.WaitAsync();
                try
                {
                    await _socket.SendAsync(data, WebSocketMessageType.Text, true, default);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
        }
        """);

    [Fact]
    public Task Fix_serialises_a_heartbeat_and_the_echo_of_one_connection_with_a_local_semaphore() => Verify.VerifyCodeFixAsync(Usings + """
        class Endpoint
        {
            public async Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                using var ws = await context.WebSockets.AcceptWebSocketAsync();
                _ = Task.Run(async () =>
                {
                    while (true)
                    {
                        await Task.Delay(30_000);
                        await {|WS3003:ws.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, true, default)|};
                    }
                });
                var buffer = new byte[1024];
                var result = await ws.ReceiveAsync(buffer, default);
                while (!result.CloseStatus.HasValue)
                {
                    await ws.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default);
                    result = await ws.ReceiveAsync(buffer, default);
                }
            }
        }
        """, Usings + """
        class Endpoint
        {
            public async Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                using var ws = await context.WebSockets.AcceptWebSocketAsync();
                var sendLock = new SemaphoreSlim(1, 1);
                _ = Task.Run(async () =>
                {
                    while (true)
                    {
                        await Task.Delay(30_000);
                        await sendLock.WaitAsync();
                        try
                        {
                            await ws.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, true, default);
                        }
                        finally
                        {
                            sendLock.Release();
                        }
                    }
                });
                var buffer = new byte[1024];
                var result = await ws.ReceiveAsync(buffer, default);
                while (!result.CloseStatus.HasValue)
                {
                    await sendLock.WaitAsync();
                    try
                    {
                        await ws.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default);
                    }
                    finally
                    {
                        sendLock.Release();
                    }
                    result = await ws.ReceiveAsync(buffer, default);
                }
            }
        }
        """);

    [Fact]
    public Task Fix_serialises_the_runs_of_a_broadcast_started_again_without_await() => Verify.VerifyCodeFixAsync(Usings + """
        using System.Collections.Concurrent;

        class ConnectionManager
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> _connections = new();

            public void Kill(Guid guid)
            {
                _connections.TryRemove(guid, out _);
                MessageAll("left");
            }

            public async Task MessageAll(string text)
            {
                foreach (var guid in _connections.Keys)
                {
                    var socket = _connections[guid];
                    if (socket.State == WebSocketState.Open)
                        await {|WS3003:socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default)|};
                    else
                        Kill(guid);
                }
            }
        }
        """, Usings + """
        using System.Collections.Concurrent;

        class ConnectionManager
        {
            private readonly SemaphoreSlim _sendLock = new SemaphoreSlim(1, 1);
            private readonly ConcurrentDictionary<Guid, WebSocket> _connections = new();

            public void Kill(Guid guid)
            {
                _connections.TryRemove(guid, out _);
                MessageAll("left");
            }

            public async Task MessageAll(string text)
            {
                foreach (var guid in _connections.Keys)
                {
                    var socket = _connections[guid];
                    if (socket.State == WebSocketState.Open)
                    {
                        await _sendLock.WaitAsync();
                        try
                        {
                            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);
                        }
                        finally
                        {
                            _sendLock.Release();
                        }
                    }
                    else
                        Kill(guid);
                }
            }
        }
        """);

    [Fact]
    public Task Fix_runs_a_kept_send_task_through_a_serialised_local_function() => Verify.VerifyCodeFixAsync(Usings + """
        class Session
        {
            private readonly ClientWebSocket _socket = new();

            public Task SendAllAsync(IEnumerable<byte[]> messages)
            {
                var pending = new List<Task>();
                foreach (var message in messages)
                {
                    pending.Add({|WS3003:_socket.SendAsync(message, WebSocketMessageType.Text, true, default)|});
                }

                return Task.WhenAll(pending);
            }
        }
        """, Usings + """
        class Session
        {
            private readonly SemaphoreSlim _sendLock = new SemaphoreSlim(1, 1);
            private readonly ClientWebSocket _socket = new();

            public Task SendAllAsync(IEnumerable<byte[]> messages)
            {
                var pending = new List<Task>();
                foreach (var message in messages)
                {
                    async Task SendSerialisedAsync()
                    {
                        await _sendLock.WaitAsync();
                        try
                        {
                            await _socket.SendAsync(message, WebSocketMessageType.Text, true, default);
                        }
                        finally
                        {
                            _sendLock.Release();
                        }
                    }

                    pending.Add(SendSerialisedAsync());
                }

                return Task.WhenAll(pending);
            }
        }
        """);

    [Fact]
    public Task A_handed_out_callback_on_a_parameter_gets_no_fix()
    {
        var source = Usings + """
            interface IEventBus
            {
                void Subscribe<T>(Func<T, Task> handler);
            }

            static class Relay
            {
                public static async Task RunAsync(WebSocket ws, IEventBus bus)
                {
                    bus.Subscribe(Forward(ws));
                    await ws.SendAsync(new byte[1], WebSocketMessageType.Text, true, default);
                }

                private static Func<string, Task> Forward(WebSocket ws) =>
                    message => {|WS3003:ws.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default)|};
            }
            """;
        return Verify.CreateTest(source, source).RunAsync();
    }
}
