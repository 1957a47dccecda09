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
/// EmbedIO 3.x: a <c>WebSocketModule</c> lives as long as its server; EmbedIO runs each connection's receive loop and
/// awaits OnMessageReceivedAsync for every message, calls OnClientConnectedAsync when a connection opens and
/// OnClientDisconnectedAsync when it ends (for any reason). The module's own SendAsync / BroadcastAsync catch and log send
/// failures (EmbedIO's source: WebSocketModule.SendAsync); a context's <c>IWebSocket.SendAsync</c> throws when the socket
/// is not open.
/// </summary>
public sealed class EmbedIOTests
{
    private static readonly RuleVerifier<ResourceBoundsAnalyzer, ConnectionCollectionNeverShrunkCodeFixProvider> NeverShrunk = new(RuleIdentifiers.ConnectionCollectionNeverShrunk);
    private static readonly RuleVerifier<ResourceBoundsAnalyzer, MessageHistoryUnboundedCodeFixProvider> History = new(RuleIdentifiers.MessageHistoryUnbounded);
    private static readonly RuleVerifier<ResourceBoundsAnalyzer, ConnectionNotRemovedOnEveryClosePathCodeFixProvider> NotRemoved = new(RuleIdentifiers.ConnectionNotRemovedOnEveryClosePath);
    private static readonly RuleVerifier<SendingAnalyzer, SendWithoutStateCheckCodeFixProvider> StateCheck = new(RuleIdentifiers.SendWithoutStateCheck);
    private static readonly RuleVerifier<SendingAnalyzer, BroadcastStopsAtFirstFailureCodeFixProvider> Broadcast = new(RuleIdentifiers.BroadcastStopsAtFirstFailure);
    private static readonly RuleVerifier<SendingAnalyzer, SendNotAwaitedCodeFixProvider> NotAwaited = new(RuleIdentifiers.SendNotAwaited);
    private static readonly RuleVerifier<MessageHandlersAnalyzer, BlockingCallInHandlerCodeFixProvider> Blocking = new(RuleIdentifiers.BlockingCallInHandler);
    private static readonly RuleVerifier<MessageHandlersAnalyzer, CpuBoundLoopInHandlerCodeFixProvider> CpuBound = new(RuleIdentifiers.CpuBoundLoopInHandler);

    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using EmbedIO.WebSockets;

        """;

    private static Task VerifyEndOfCompilationFixAsync<TAnalyzer, TFix>(RuleVerifier<TAnalyzer, TFix> verifier, string source, string fixedSource)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = verifier.CreateTest(source, fixedSource);
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task Contexts_kept_from_OnClientConnectedAsync_and_never_removed_are_flagged_and_the_fix_adds_OnClientDisconnectedAsync() =>
        VerifyEndOfCompilationFixAsync(NeverShrunk, Usings + """
            class ChatModule : WebSocketModule
            {
                private readonly List<IWebSocketContext> {|WS2001:_clients|} = new();

                public ChatModule()
                    : base("/chat", true)
                {
                }

                protected override Task OnClientConnectedAsync(IWebSocketContext context)
                {
                    lock (_clients)
                    {
                        _clients.Add(context);
                    }

                    return Task.CompletedTask;
                }

                protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result) =>
                    BroadcastAsync(buffer);
            }
            """, Usings + """
            class ChatModule : WebSocketModule
            {
                private readonly List<IWebSocketContext> _clients = new();

                public ChatModule()
                    : base("/chat", true)
                {
                }

                protected override Task OnClientConnectedAsync(IWebSocketContext context)
                {
                    lock (_clients)
                    {
                        _clients.Add(context);
                    }

                    return Task.CompletedTask;
                }

                protected override Task OnClientDisconnectedAsync(IWebSocketContext context)
                {
                    lock (_clients)
                    {
                        _clients.Remove(context);
                    }

                    return base.OnClientDisconnectedAsync(context);
                }

                protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result) =>
                    BroadcastAsync(buffer);
            }
            """);

    [Fact]
    public Task Names_keyed_by_context_id_make_a_connection_registry() => NeverShrunk.VerifyAnalyzerAsync(Usings + """
        class ChatModule : WebSocketModule
        {
            private static readonly ConcurrentDictionary<string, string> {|WS2001:Names|} = new();

            public ChatModule()
                : base("/chat", true)
            {
            }

            protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
            {
                Names[context.Id] = Encoding.UTF8.GetString(buffer);
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task A_removal_only_on_a_goodbye_message_is_flagged_and_the_fix_removes_in_OnClientDisconnectedAsync() =>
        VerifyEndOfCompilationFixAsync(NotRemoved, Usings + """
            class ChatModule : WebSocketModule
            {
                private readonly ConcurrentDictionary<string, IWebSocketContext> _clients = new();

                public ChatModule()
                    : base("/chat", true)
                {
                }

                protected override Task OnClientConnectedAsync(IWebSocketContext context)
                {
                    {|WS2003:_clients.TryAdd(context.Id, context)|};
                    return Task.CompletedTask;
                }

                protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
                {
                    if (Encoding.UTF8.GetString(buffer) == "bye")
                    {
                        _clients.TryRemove(context.Id, out _);
                    }

                    return Task.CompletedTask;
                }
            }
            """, Usings + """
            class ChatModule : WebSocketModule
            {
                private readonly ConcurrentDictionary<string, IWebSocketContext> _clients = new();

                public ChatModule()
                    : base("/chat", true)
                {
                }

                protected override Task OnClientConnectedAsync(IWebSocketContext context)
                {
                    _clients.TryAdd(context.Id, context);
                    return Task.CompletedTask;
                }

                protected override Task OnClientDisconnectedAsync(IWebSocketContext context)
                {
                    _clients.TryRemove(context.Id, out _);
                    return base.OnClientDisconnectedAsync(context);
                }

                protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
                {
                    if (Encoding.UTF8.GetString(buffer) == "bye")
                    {
                        _clients.TryRemove(context.Id, out _);
                    }

                    return Task.CompletedTask;
                }
            }
            """);

    [Fact]
    public Task No_fix_when_the_existing_OnClientDisconnectedAsync_names_its_context_otherwise()
    {
        var source = Usings + """
            class ChatModule : WebSocketModule
            {
                private readonly ConcurrentDictionary<string, IWebSocketContext> _clients = new();

                public ChatModule()
                    : base("/chat", true)
                {
                }

                protected override Task OnClientConnectedAsync(IWebSocketContext context)
                {
                    {|WS2003:_clients.TryAdd(context.Id, context)|};
                    return Task.CompletedTask;
                }

                protected override Task OnClientDisconnectedAsync(IWebSocketContext gone) => Task.CompletedTask;

                protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
                {
                    _clients.Clear();
                    return Task.CompletedTask;
                }
            }
            """;
        var test = NotRemoved.CreateTest(source, source);
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task A_removal_in_OnClientDisconnectedAsync_is_every_close_path() => NotRemoved.VerifyAnalyzerAsync(Usings + """
        class ChatModule : WebSocketModule
        {
            private readonly ConcurrentDictionary<string, IWebSocketContext> _clients = new();

            public ChatModule()
                : base("/chat", true)
            {
            }

            protected override Task OnClientConnectedAsync(IWebSocketContext context)
            {
                _clients.TryAdd(context.Id, context);
                return Task.CompletedTask;
            }

            protected override Task OnClientDisconnectedAsync(IWebSocketContext context)
            {
                _clients.TryRemove(context.Id, out _);
                return Task.CompletedTask;
            }

            protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task A_history_appended_in_OnMessageReceivedAsync_is_flagged() => History.VerifyAnalyzerAsync(Usings + """
        class ChatModule : WebSocketModule
        {
            private readonly List<string> {|WS2002:_history|} = new();

            public ChatModule()
                : base("/chat", true)
            {
            }

            protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
            {
                _history.Add(Encoding.UTF8.GetString(buffer));
                return BroadcastAsync(buffer);
            }
        }
        """);

    [Fact]
    public Task A_send_on_a_kept_context_without_a_check_is_flagged_and_the_fix_checks_the_sockets_state() => StateCheck.VerifyCodeFixAsync(Usings + """
        class AdminModule : WebSocketModule
        {
            private IWebSocketContext _admin;

            public AdminModule()
                : base("/admin", true)
            {
            }

            public async Task AlertAsync(string text)
            {
                await {|WS3001:_admin.WebSocket.SendAsync(Encoding.UTF8.GetBytes(text), true)|};
            }

            protected override Task OnClientConnectedAsync(IWebSocketContext context)
            {
                _admin = context;
                return Task.CompletedTask;
            }

            protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result) => Task.CompletedTask;
        }
        """, Usings + """
        class AdminModule : WebSocketModule
        {
            private IWebSocketContext _admin;

            public AdminModule()
                : base("/admin", true)
            {
            }

            public async Task AlertAsync(string text)
            {
                if (_admin.WebSocket.State == WebSocketState.Open)
                {
                    await _admin.WebSocket.SendAsync(Encoding.UTF8.GetBytes(text), true);
                }
            }

            protected override Task OnClientConnectedAsync(IWebSocketContext context)
            {
                _admin = context;
                return Task.CompletedTask;
            }

            protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Replies_on_the_senders_socket_and_the_modules_own_sends_are_not_flagged() => StateCheck.VerifyAnalyzerAsync(Usings + """
        class EchoModule : WebSocketModule
        {
            public EchoModule()
                : base("/echo", true)
            {
            }

            protected override async Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
            {
                await context.WebSocket.SendAsync(buffer, true);
                var socket = context.WebSocket;
                await socket.SendAsync(buffer, true);
                await SendAsync(context, "echoed");
                await BroadcastAsync(buffer, other => other != context);
            }

            protected override Task OnClientConnectedAsync(IWebSocketContext context) => context.WebSocket.SendAsync(Encoding.UTF8.GetBytes("welcome"), true);
        }
        """);

    [Fact]
    public Task A_broadcast_over_ActiveContexts_through_their_sockets_is_flagged_and_the_fix_catches_per_context() => Broadcast.VerifyCodeFixAsync(Usings + """
        class ChatModule : WebSocketModule
        {
            public ChatModule()
                : base("/chat", true)
            {
            }

            protected override async Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
            {
                {|WS3002:foreach|} (var other in ActiveContexts)
                {
                    await other.WebSocket.SendAsync(buffer, true);
                }
            }
        }
        """, Usings + """
        class ChatModule : WebSocketModule
        {
            public ChatModule()
                : base("/chat", true)
            {
            }

            protected override async Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
            {
                foreach (var other in ActiveContexts)
                {
                    try
                    {
                        await other.WebSocket.SendAsync(buffer, true);
                    }
                    catch (Exception)
                    {
                        // The connection is gone: skip it so the others still get the message.
                    }
                }
            }
        }
        """);

    [Fact]
    public Task A_loop_over_ActiveContexts_through_the_modules_SendAsync_does_not_stop_at_a_failure() => Broadcast.VerifyAnalyzerAsync(Usings + """
        class ChatModule : WebSocketModule
        {
            public ChatModule()
                : base("/chat", true)
            {
            }

            protected override async Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
            {
                foreach (var other in ActiveContexts)
                {
                    await SendAsync(other, buffer);
                }
            }
        }
        """);

    [Fact]
    public Task Sends_on_one_socket_started_in_a_loop_without_await_are_flagged() => NotAwaited.VerifyAnalyzerAsync(Usings + """
        class TickerModule : WebSocketModule
        {
            private IWebSocketContext _subscriber;

            public TickerModule()
                : base("/ticker", true)
            {
            }

            public void Publish(IEnumerable<string> prices)
            {
                foreach (var price in prices)
                {
                    _ = {|WS3003:_subscriber.WebSocket.SendAsync(Encoding.UTF8.GetBytes(price), true)|};
                }
            }

            protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Blocking_in_OnMessageReceivedAsync_is_flagged_and_the_fix_awaits_but_not_in_look_alike_classes() => Blocking.VerifyCodeFixAsync(Usings + """
        class ChatModule : WebSocketModule
        {
            public ChatModule()
                : base("/chat", true)
            {
            }

            protected override async Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
            {
                {|WS4002:Thread.Sleep(50)|};
                await SendAsync(context, "ok");
            }
        }

        class Router
        {
            protected Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
            {
                Thread.Sleep(50);
                return Task.CompletedTask;
            }
        }
        """, Usings + """
        class ChatModule : WebSocketModule
        {
            public ChatModule()
                : base("/chat", true)
            {
            }

            protected override async Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
            {
                await Task.Delay(50);
                await SendAsync(context, "ok");
            }
        }

        class Router
        {
            protected Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
            {
                Thread.Sleep(50);
                return Task.CompletedTask;
            }
        }
        """);

    [Fact]
    public Task A_cpu_loop_in_OnMessageReceivedAsync_is_flagged_and_a_loop_over_the_message_is_not() => CpuBound.VerifyAnalyzerAsync(Usings + """
        class HashModule : WebSocketModule
        {
            public HashModule()
                : base("/hash", true)
            {
            }

            protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result)
            {
                var hash = 17;
                for (var i = 0; i < buffer.Length; i++)
                {
                    hash = hash * 31 + buffer[i];
                }

                {|WS4001:for|} (var round = 0; round < 100_000; round++)
                {
                    hash ^= round;
                }

                return SendAsync(context, hash.ToString());
            }
        }
        """);

    [Fact]
    public Task A_send_on_a_kept_socket_dropped_in_an_async_method_is_flagged_and_the_fix_awaits_it() => NotAwaited.VerifyCodeFixAsync(Usings + """
        class TickerModule : WebSocketModule
        {
            private IWebSocketContext _subscriber;

            public TickerModule()
                : base("/ticker", true)
            {
            }

            public async Task PublishAsync(IEnumerable<string> prices)
            {
                foreach (var price in prices)
                {
                    _ = {|WS3003:_subscriber.WebSocket.SendAsync(Encoding.UTF8.GetBytes(price), true)|};
                }

                await Task.Yield();
            }

            protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result) => Task.CompletedTask;
        }
        """, Usings + """
        class TickerModule : WebSocketModule
        {
            private IWebSocketContext _subscriber;

            public TickerModule()
                : base("/ticker", true)
            {
            }

            public async Task PublishAsync(IEnumerable<string> prices)
            {
                foreach (var price in prices)
                {
                    await _subscriber.WebSocket.SendAsync(Encoding.UTF8.GetBytes(price), true);
                }

                await Task.Yield();
            }

            protected override Task OnMessageReceivedAsync(IWebSocketContext context, byte[] buffer, IWebSocketReceiveResult result) => Task.CompletedTask;
        }
        """);
}
