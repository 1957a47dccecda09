using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.MessageHandlers;
using WsAnalyzers.CodeFixes.ResourceBounds;
using WsAnalyzers.CodeFixes.Sending;
using WsAnalyzers.Core;
using WsAnalyzers.MessageHandlers;
using WsAnalyzers.ResourceBounds;
using WsAnalyzers.Sending;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Apis;

/// <summary>
/// System.Net.HttpListener servers: <c>HttpListenerContext.AcceptWebSocketAsync</c> hands out a context whose
/// <c>WebSocket</c> is a System.Net socket, so every server rule applies: registries filled after the accept (WS2001,
/// WS2003), histories appended in the receive loop (WS2002), sends and broadcasts (WS3001, WS3002, WS3003), the receive loop
/// (WS4001, WS4002).
/// </summary>
public sealed class HttpListenerTests
{
    private static readonly RuleVerifier<ResourceBoundsAnalyzer, ConnectionCollectionNeverShrunkCodeFixProvider> NeverShrunk = new(RuleIdentifiers.ConnectionCollectionNeverShrunk);
    private static readonly RuleVerifier<ResourceBoundsAnalyzer, ConnectionNotRemovedOnEveryClosePathCodeFixProvider> NotRemoved = new(RuleIdentifiers.ConnectionNotRemovedOnEveryClosePath);
    private static readonly RuleVerifier<SendingAnalyzer, SendWithoutStateCheckCodeFixProvider> StateCheck = new(RuleIdentifiers.SendWithoutStateCheck);
    private static readonly RuleVerifier<SendingAnalyzer, BroadcastStopsAtFirstFailureCodeFixProvider> Broadcast = new(RuleIdentifiers.BroadcastStopsAtFirstFailure);
    private static readonly RuleVerifier<SendingAnalyzer, SendNotAwaitedCodeFixProvider> NotAwaited = new(RuleIdentifiers.SendNotAwaited);
    private static readonly RuleVerifier<ResourceBoundsAnalyzer, MessageHistoryUnboundedCodeFixProvider> History = new(RuleIdentifiers.MessageHistoryUnbounded);
    private static readonly RuleVerifier<MessageHandlersAnalyzer, BlockingCallInHandlerCodeFixProvider> Blocking = new(RuleIdentifiers.BlockingCallInHandler);
    private static readonly RuleVerifier<MessageHandlersAnalyzer, CpuBoundLoopInHandlerCodeFixProvider> CpuBound = new(RuleIdentifiers.CpuBoundLoopInHandler);

    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    [Fact]
    public Task A_registry_filled_after_the_accept_and_never_shrunk_is_flagged_and_the_fix_removes_in_finally()
    {
        var test = NeverShrunk.CreateTest(Usings + """
            class Server
            {
                private readonly List<WebSocket> {|WS2001:_clients|} = new();

                public async Task ServeAsync(HttpListenerContext context)
                {
                    var webSocketContext = await context.AcceptWebSocketAsync(null);
                    var socket = webSocketContext.WebSocket;
                    _clients.Add(socket);
                    await EchoAsync(socket);
                }

                private static async Task EchoAsync(WebSocket socket)
                {
                    var buffer = new byte[1024];
                    while (socket.State == WebSocketState.Open)
                    {
                        await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    }
                }
            }
            """, Usings + """
            class Server
            {
                private readonly List<WebSocket> _clients = new();

                public async Task ServeAsync(HttpListenerContext context)
                {
                    var webSocketContext = await context.AcceptWebSocketAsync(null);
                    var socket = webSocketContext.WebSocket;
                    _clients.Add(socket);
                    try
                    {
                        await EchoAsync(socket);
                    }
                    finally
                    {
                        _clients.Remove(socket);
                    }
                }

                private static async Task EchoAsync(WebSocket socket)
                {
                    var buffer = new byte[1024];
                    while (socket.State == WebSocketState.Open)
                    {
                        await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    }
                }
            }
            """);
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task A_map_filled_in_the_accept_loop_with_the_accepted_context_is_a_connection_registry() => NeverShrunk.VerifyAnalyzerAsync(Usings + """
        class Server
        {
            private static readonly ConcurrentDictionary<Guid, HttpListenerWebSocketContext> {|WS2001:Contexts|} = new();

            public static async Task RunAsync(HttpListener listener)
            {
                while (true)
                {
                    var context = await listener.GetContextAsync();
                    if (!context.Request.IsWebSocketRequest)
                    {
                        context.Response.StatusCode = 400;
                        context.Response.Close();
                        continue;
                    }

                    var webSocketContext = await context.AcceptWebSocketAsync(subProtocol: null);
                    Contexts[Guid.NewGuid()] = webSocketContext;
                }
            }
        }
        """);

    [Fact]
    public Task Request_logs_of_a_listener_that_accepts_no_WebSocket_are_not_connection_registries() => NeverShrunk.VerifyAnalyzerAsync(Usings + """
        class Server
        {
            private static readonly List<string> Requests = new();

            public static async Task RunAsync(HttpListener listener, WebSocket monitor)
            {
                while (true)
                {
                    var context = await listener.GetContextAsync();
                    Requests.Add(context.Request.RawUrl);
                    context.Response.Close();
                }
            }
        }
        """);

    [Fact]
    public Task A_removal_after_the_receive_loop_without_finally_is_flagged_and_the_fix_moves_it_into_finally()
    {
        var test = NotRemoved.CreateTest(Usings + """
            class Server
            {
                private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();

                public async Task ServeAsync(HttpListenerContext context)
                {
                    var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                    var id = Guid.NewGuid();
                    {|WS2003:_sockets.TryAdd(id, socket)|};
                    var buffer = new byte[1024];
                    while (socket.State == WebSocketState.Open)
                    {
                        await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    }

                    _sockets.TryRemove(id, out _);
                }
            }
            """, Usings + """
            class Server
            {
                private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();

                public async Task ServeAsync(HttpListenerContext context)
                {
                    var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                    var id = Guid.NewGuid();
                    _sockets.TryAdd(id, socket);
                    try
                    {
                        var buffer = new byte[1024];
                        while (socket.State == WebSocketState.Open)
                        {
                            await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                        }
                    }
                    finally
                    {
                        _sockets.TryRemove(id, out _);
                    }
                }
            }
            """);
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task A_send_to_a_stored_socket_without_a_check_is_flagged_and_the_fix_checks_its_state() => StateCheck.VerifyCodeFixAsync(Usings + """
        class Server
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();

            public async Task NotifyAsync(Guid id, ArraySegment<byte> data)
            {
                var socket = _sockets[id];
                await {|WS3001:socket.SendAsync(data, WebSocketMessageType.Text, true, CancellationToken.None)|};
            }
        }
        """, Usings + """
        class Server
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();

            public async Task NotifyAsync(Guid id, ArraySegment<byte> data)
            {
                var socket = _sockets[id];
                if (socket.State == WebSocketState.Open)
                {
                    await socket.SendAsync(data, WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
        }
        """);

    [Fact]
    public Task A_greeting_on_the_socket_just_accepted_is_not_flagged_in_any_of_the_shapes_of_the_accept() => StateCheck.VerifyAnalyzerAsync(Usings + """
        class Server
        {
            private static readonly ArraySegment<byte> Hello = new(new byte[] { 104, 105 });

            public async Task ThroughALocalAsync(HttpListenerContext context)
            {
                var webSocketContext = await context.AcceptWebSocketAsync(null);
                var socket = webSocketContext.WebSocket;
                await socket.SendAsync(Hello, WebSocketMessageType.Text, true, CancellationToken.None);
            }

            public async Task DirectlyAsync(HttpListenerContext context)
            {
                var webSocketContext = await context.AcceptWebSocketAsync(null, TimeSpan.FromSeconds(30));
                await webSocketContext.WebSocket.SendAsync(Hello, WebSocketMessageType.Text, true, CancellationToken.None);
            }

            public async Task FromTheAwaitedContextAsync(HttpListenerContext context)
            {
                var socket = (await context.AcceptWebSocketAsync(null).ConfigureAwait(false)).WebSocket;
                await socket.SendAsync(Hello, WebSocketMessageType.Text, true, CancellationToken.None);
            }

            public async Task AssignedLaterAsync(HttpListenerContext context)
            {
                HttpListenerWebSocketContext webSocketContext;
                WebSocket socket;
                webSocketContext = await context.AcceptWebSocketAsync(null);
                socket = webSocketContext.WebSocket;
                await socket.SendAsync(Hello, WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        """);

    [Fact]
    public Task A_send_on_another_connection_after_an_accept_is_still_flagged() => StateCheck.VerifyAnalyzerAsync(Usings + """
        class Server
        {
            public async Task RelayAsync(HttpListenerContext context, HttpListenerWebSocketContext other, ArraySegment<byte> data)
            {
                var webSocketContext = await context.AcceptWebSocketAsync(null);
                await {|WS3001:other.WebSocket.SendAsync(data, WebSocketMessageType.Text, true, CancellationToken.None)|};
            }
        }
        """);

    [Fact]
    public Task A_broadcast_to_accepted_sockets_without_per_socket_handling_is_flagged() => Broadcast.VerifyAnalyzerAsync(Usings + """
        class Server
        {
            private readonly List<WebSocket> _clients = new();

            public async Task ServeAsync(HttpListenerContext context)
            {
                _clients.Add((await context.AcceptWebSocketAsync(null)).WebSocket);
            }

            public async Task BroadcastAsync(ArraySegment<byte> data)
            {
                {|WS3002:foreach|} (var client in _clients)
                {
                    await client.SendAsync(data, WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
        }
        """);

    [Fact]
    public Task Blocking_in_the_receive_loop_of_an_accepted_socket_is_flagged_and_the_fix_awaits() => Blocking.VerifyCodeFixAsync(Usings + """
        class Server
        {
            public async Task ServeAsync(HttpListenerContext context)
            {
                var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    {|WS4002:Thread.Sleep(100)|};
                }
            }
        }
        """, Usings + """
        class Server
        {
            public async Task ServeAsync(HttpListenerContext context)
            {
                var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    await Task.Delay(100);
                }
            }
        }
        """);

    [Fact]
    public Task A_cpu_loop_in_the_receive_loop_is_flagged_and_parsing_the_message_is_not() => CpuBound.VerifyAnalyzerAsync(Usings + """
        class Server
        {
            public async Task ServeAsync(HttpListenerContext context)
            {
                var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    var sum = 0;
                    for (var i = 0; i < result.Count; i++)
                    {
                        sum += buffer[i];
                    }

                    {|WS4001:for|} (var i = 0; i < 1_000_000; i++)
                    {
                        sum ^= i;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Messages_appended_in_the_receive_loop_are_a_history_and_the_fix_caps_it()
    {
        var test = History.CreateTest(Usings + """
            class Server
            {
                private readonly List<string> {|WS2002:_messages|} = new();

                public async Task ServeAsync(HttpListenerContext context)
                {
                    var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                    var buffer = new byte[1024];
                    while (socket.State == WebSocketState.Open)
                    {
                        var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                        _messages.Add(System.Text.Encoding.UTF8.GetString(buffer, 0, result.Count));
                    }
                }
            }
            """, Usings + """
            class Server
            {
                private const int MaxMessagesCount = 1000;
                private readonly List<string> _messages = new();

                public async Task ServeAsync(HttpListenerContext context)
                {
                    var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                    var buffer = new byte[1024];
                    while (socket.State == WebSocketState.Open)
                    {
                        var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                        _messages.Add(System.Text.Encoding.UTF8.GetString(buffer, 0, result.Count));
                        if (_messages.Count > MaxMessagesCount)
                        {
                            _messages.RemoveRange(0, _messages.Count - MaxMessagesCount);
                        }
                    }
                }
            }
            """);
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task A_log_of_a_listener_that_accepts_no_WebSocket_is_not_a_message_history() => History.VerifyAnalyzerAsync(Usings + """
        class Server
        {
            private readonly List<string> _requests = new();

            public void Serve(HttpListenerContext context)
            {
                _requests.Add(context.Request.RawUrl);
                context.Response.Close();
            }
        }
        """);

    [Fact]
    public Task An_echo_dropped_in_the_receive_loop_is_flagged_and_the_fix_awaits_it() => NotAwaited.VerifyCodeFixAsync(Usings + """
        class Server
        {
            public async Task ServeAsync(HttpListenerContext context)
            {
                var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    _ = {|WS3003:socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, CancellationToken.None)|};
                }
            }
        }
        """, Usings + """
        class Server
        {
            public async Task ServeAsync(HttpListenerContext context)
            {
                var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    await socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, CancellationToken.None);
                }
            }
        }
        """);
}
