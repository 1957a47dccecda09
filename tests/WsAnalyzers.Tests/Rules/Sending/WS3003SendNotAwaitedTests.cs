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
    public Task Fix_All_awaits_dropped_sends_in_async_functions()
    {
        var test = Verify.CreateTest(Usings + """
            class Session
            {
                private readonly ClientWebSocket _socket = new();

                public async Task SendBothAsync(byte[] a, byte[] b)
                {
                    // first
                    {|WS3003:_socket.SendAsync(a, WebSocketMessageType.Text, true, default)|};
                    _ = {|WS3003:_socket.SendAsync(b, WebSocketMessageType.Text, true, default)|}.ConfigureAwait(false);
                }

                public void Notify(byte[] data) => {|WS3003:_socket.SendAsync(data, WebSocketMessageType.Binary, true, default)|};
            }
            """, Usings + """
            class Session
            {
                private readonly ClientWebSocket _socket = new();

                public async Task SendBothAsync(byte[] a, byte[] b)
                {
                    // first
                    await _socket.SendAsync(a, WebSocketMessageType.Text, true, default);
                    await _socket.SendAsync(b, WebSocketMessageType.Text, true, default).ConfigureAwait(false);
                }

                public void Notify(byte[] data) => {|WS3003:_socket.SendAsync(data, WebSocketMessageType.Binary, true, default)|};
            }
            """);
        test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
        return test.RunAsync();
    }
}
