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
/// Classic ASP.NET (System.Web): <c>HttpContext.AcceptWebSocketRequest</c> (and <c>HttpContextBase</c>'s, in MVC and Web
/// API controllers) runs a callback with an <c>AspNetWebSocketContext</c> whose <c>WebSocket</c> is a System.Net socket that
/// has just been accepted; the callback (a lambda, or a method group with its signature) runs the connection's whole life.
/// </summary>
public sealed class SystemWebTests
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
        using System.Web;
        using System.Web.WebSockets;

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
    public Task A_greeting_in_the_accept_callback_is_not_flagged_as_a_lambda_or_a_method_group() => StateCheck.VerifyAnalyzerAsync(Usings + """
        class Notifications : IHttpHandler
        {
            private static readonly ArraySegment<byte> Hello = new(Encoding.UTF8.GetBytes("hello"));

            public bool IsReusable => false;

            public void ProcessRequest(HttpContext context)
            {
                if (context.IsWebSocketRequest)
                {
                    context.AcceptWebSocketRequest(ProcessSocketAsync);
                    context.AcceptWebSocketRequest(async webSocketContext =>
                    {
                        await webSocketContext.WebSocket.SendAsync(Hello, WebSocketMessageType.Text, true, CancellationToken.None);
                    });
                }
            }

            private async Task ProcessSocketAsync(AspNetWebSocketContext context)
            {
                WebSocket socket = context.WebSocket;
                await socket.SendAsync(Hello, WebSocketMessageType.Text, true, CancellationToken.None);
            }

            public static void Accept(HttpContextBase context) => context.AcceptWebSocketRequest(GreetAsync);

            private static Task GreetAsync(AspNetWebSocketContext context) =>
                context.WebSocket.SendAsync(Hello, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        """);

    [Fact]
    public Task A_send_to_another_connection_from_the_callback_is_still_flagged() => StateCheck.VerifyAnalyzerAsync(Usings + """
        class Chat
        {
            private static WebSocket s_host;

            public void Accept(HttpContextBase context)
            {
                context.AcceptWebSocketRequest(async webSocketContext =>
                {
                    var joined = new ArraySegment<byte>(Encoding.UTF8.GetBytes("joined"));
                    await {|WS3001:s_host.SendAsync(joined, WebSocketMessageType.Text, true, CancellationToken.None)|};
                });
            }
        }
        """);

    [Fact]
    public Task Look_alike_callbacks_of_other_types_are_not_accept_callbacks() => StateCheck.VerifyAnalyzerAsync(Usings + """
        class FakeContext
        {
            public void AcceptWebSocketRequest(Func<WebSocket, Task> callback) { }
        }

        class Relay
        {
            private static readonly ArraySegment<byte> Hello = new(Encoding.UTF8.GetBytes("hello"));

            public void Accept(FakeContext context)
            {
                context.AcceptWebSocketRequest(async socket =>
                {
                    await {|WS3001:socket.SendAsync(Hello, WebSocketMessageType.Text, true, CancellationToken.None)|};
                });
            }

            private async Task<bool> NotACallbackAsync(AspNetWebSocketContext context, WebSocket other)
            {
                await {|WS3001:context.WebSocket.SendAsync(Hello, WebSocketMessageType.Text, true, CancellationToken.None)|};
                return true;
            }
        }
        """);

    [Fact]
    public Task A_registry_filled_in_the_callback_and_never_shrunk_is_flagged_and_the_fix_removes_in_finally() =>
        VerifyEndOfCompilationFixAsync(NeverShrunk, Usings + """
            class Chat
            {
                private static readonly List<WebSocket> {|WS2001:Sockets|} = new();

                public void ProcessRequest(HttpContext context) => context.AcceptWebSocketRequest(ChatAsync);

                private static async Task ChatAsync(AspNetWebSocketContext context)
                {
                    var socket = context.WebSocket;
                    Sockets.Add(socket);
                    var buffer = new byte[1024];
                    while (socket.State == WebSocketState.Open)
                    {
                        await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    }
                }
            }
            """, Usings + """
            class Chat
            {
                private static readonly List<WebSocket> Sockets = new();

                public void ProcessRequest(HttpContext context) => context.AcceptWebSocketRequest(ChatAsync);

                private static async Task ChatAsync(AspNetWebSocketContext context)
                {
                    var socket = context.WebSocket;
                    Sockets.Add(socket);
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
                        Sockets.Remove(socket);
                    }
                }
            }
            """);

    [Fact]
    public Task Ids_registered_in_a_lambda_callback_make_a_connection_registry() => NeverShrunk.VerifyAnalyzerAsync(Usings + """
        class Chat
        {
            private static readonly ConcurrentDictionary<string, DateTime> {|WS2001:Joined|} = new();

            public void ProcessRequest(HttpContext context)
            {
                var name = context.Request.QueryString["name"];
                context.AcceptWebSocketRequest(async webSocketContext =>
                {
                    Joined[name] = DateTime.UtcNow;
                    await Task.Yield();
                });
            }
        }
        """);

    [Fact]
    public Task Messages_appended_in_the_callbacks_receive_loop_are_a_history_not_a_registry() => History.VerifyAnalyzerAsync(Usings + """
        class Chat
        {
            private static readonly List<string> {|WS2002:Messages|} = new();

            public void ProcessRequest(HttpContext context) => context.AcceptWebSocketRequest(ChatAsync);

            private static async Task ChatAsync(AspNetWebSocketContext context)
            {
                var socket = context.WebSocket;
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    Messages.Add(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
            }
        }
        """);

    [Fact]
    public Task A_removal_after_the_callbacks_receive_loop_without_finally_is_flagged_and_fixed() =>
        VerifyEndOfCompilationFixAsync(NotRemoved, Usings + """
            class Chat
            {
                private static readonly List<WebSocket> Sockets = new();

                public void ProcessRequest(HttpContext context)
                {
                    context.AcceptWebSocketRequest(async webSocketContext =>
                    {
                        var socket = webSocketContext.WebSocket;
                        {|WS2003:Sockets.Add(socket)|};
                        var buffer = new byte[1024];
                        while (socket.State == WebSocketState.Open)
                        {
                            await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                        }

                        Sockets.Remove(socket);
                    });
                }
            }
            """, Usings + """
            class Chat
            {
                private static readonly List<WebSocket> Sockets = new();

                public void ProcessRequest(HttpContext context)
                {
                    context.AcceptWebSocketRequest(async webSocketContext =>
                    {
                        var socket = webSocketContext.WebSocket;
                        Sockets.Add(socket);
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
                            Sockets.Remove(socket);
                        }
                    });
                }
            }
            """);

    [Fact]
    public Task A_broadcast_from_the_callback_to_every_socket_is_flagged() => Broadcast.VerifyAnalyzerAsync(Usings + """
        class Chat
        {
            private static readonly List<WebSocket> Sockets = new();

            private static async Task ChatAsync(AspNetWebSocketContext context)
            {
                var socket = context.WebSocket;
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    {|WS3002:foreach|} (var other in Sockets)
                    {
                        await other.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, CancellationToken.None);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Blocking_in_the_callbacks_receive_loop_is_flagged_and_the_fix_awaits() => Blocking.VerifyCodeFixAsync(Usings + """
        class Chat
        {
            private static async Task ChatAsync(AspNetWebSocketContext context)
            {
                var socket = context.WebSocket;
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    var reply = Task.FromResult(result.Count);
                    var count = {|WS4002:reply.Result|};
                }
            }
        }
        """, Usings + """
        class Chat
        {
            private static async Task ChatAsync(AspNetWebSocketContext context)
            {
                var socket = context.WebSocket;
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    var reply = Task.FromResult(result.Count);
                    var count = await reply;
                }
            }
        }
        """);

    [Fact]
    public Task A_cpu_loop_in_the_callbacks_receive_loop_is_flagged() => CpuBound.VerifyAnalyzerAsync(Usings + """
        class Chat
        {
            public void ProcessRequest(HttpContext context)
            {
                context.AcceptWebSocketRequest(async webSocketContext =>
                {
                    var socket = webSocketContext.WebSocket;
                    var buffer = new byte[1024];
                    while (socket.State == WebSocketState.Open)
                    {
                        var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                        long hash = 0;
                        {|WS4001:while|} (true)
                        {
                            hash++;
                        }
                    }
                });
            }
        }
        """);

    [Fact]
    public Task A_send_dropped_in_the_callbacks_receive_loop_is_flagged_and_the_fix_awaits_it() => NotAwaited.VerifyCodeFixAsync(Usings + """
        class Echo
        {
            public void ProcessRequest(HttpContext context) => context.AcceptWebSocketRequest(EchoAsync);

            private static async Task EchoAsync(AspNetWebSocketContext context)
            {
                var socket = context.WebSocket;
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    {|WS3003:socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, CancellationToken.None)|};
                }
            }
        }
        """, Usings + """
        class Echo
        {
            public void ProcessRequest(HttpContext context) => context.AcceptWebSocketRequest(EchoAsync);

            private static async Task EchoAsync(AspNetWebSocketContext context)
            {
                var socket = context.WebSocket;
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    await socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, CancellationToken.None);
                }
            }
        }
        """);

    [Fact]
    public Task A_history_appended_in_a_lambda_callback_gets_the_cap_after_the_append()
    {
        var test = History.CreateTest(Usings + """
            class Chat
            {
                private static readonly Queue<string> {|WS2002:Recent|} = new();

                public void ProcessRequest(HttpContext context) => context.AcceptWebSocketRequest(async ws =>
                {
                    var buffer = new byte[1024];
                    while (ws.WebSocket.State == WebSocketState.Open)
                    {
                        var result = await ws.WebSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                        Recent.Enqueue(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    }
                });
            }
            """, Usings + """
            class Chat
            {
                private const int MaxRecentCount = 1000;
                private static readonly Queue<string> Recent = new();

                public void ProcessRequest(HttpContext context) => context.AcceptWebSocketRequest(async ws =>
                {
                    var buffer = new byte[1024];
                    while (ws.WebSocket.State == WebSocketState.Open)
                    {
                        var result = await ws.WebSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                        Recent.Enqueue(Encoding.UTF8.GetString(buffer, 0, result.Count));
                        while (Recent.Count > MaxRecentCount)
                        {
                            Recent.Dequeue();
                        }
                    }
                });
            }
            """);
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }
}
