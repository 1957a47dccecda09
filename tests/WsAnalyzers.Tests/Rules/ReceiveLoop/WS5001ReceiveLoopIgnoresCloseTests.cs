using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsAnalyzers.CodeFixes.ReceiveLoop;
using WsAnalyzers.Core;
using WsAnalyzers.ReceiveLoop;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.ReceiveLoop;

public sealed class WS5001ReceiveLoopIgnoresCloseTests
{
    private static readonly RuleVerifier<ReceiveLoopAnalyzer, HandleCloseMessageCodeFixProvider> Verify = new(RuleIdentifiers.ReceiveLoopIgnoresClose);

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Net;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    [Fact]
    public Task ClientWebSocket_loop_without_a_Close_check_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Ticker
        {
            public async Task ListenAsync(Uri uri)
            {
                using var ws = new ClientWebSocket();
                await ws.ConnectAsync(uri, CancellationToken.None);
                while (true)
                {
                    var bytes = new ArraySegment<byte>(new byte[1024]);
                    WebSocketReceiveResult result = await {|WS5001:ws.ReceiveAsync(bytes, CancellationToken.None)|};
                    Console.WriteLine(Encoding.UTF8.GetString(bytes.Array!, 0, result.Count));
                }
            }
        }
        """);

    [Fact]
    public Task AspNetCore_loop_with_the_Memory_overload_and_a_cancellation_condition_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Endpoint
        {
            public async Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[4096];
                while (!context.RequestAborted.IsCancellationRequested)
                {
                    ValueWebSocketReceiveResult result = await {|WS5001:socket.ReceiveAsync(buffer.AsMemory(), context.RequestAborted)|}.ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Text)
                    {
                        Handle(buffer.AsSpan(0, result.Count));
                    }
                }
            }

            private static void Handle(ReadOnlySpan<byte> message) { }
        }
        """);

    [Fact]
    public Task HttpListener_server_loop_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Server
        {
            public async Task ServeAsync(HttpListenerContext context)
            {
                var webSocketContext = await context.AcceptWebSocketAsync(subProtocol: null);
                var socket = webSocketContext.WebSocket;
                var buffer = new byte[1024];
                for (;;)
                {
                    var result = await {|WS5001:socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None)|};
                    await socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, result.EndOfMessage, CancellationToken.None);
                }
            }
        }
        """);

    [Fact]
    public Task A_loop_that_swallows_the_exception_or_only_handles_data_types_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly ClientWebSocket _socket = new();
            private bool _running = true;

            public async Task PumpAsync()
            {
                var buffer = new byte[1024];
                while (_running)
                {
                    try
                    {
                        var result = await {|WS5001:_socket.ReceiveAsync(buffer, default)|};
                        switch (result.MessageType)
                        {
                            case WebSocketMessageType.Text:
                                Console.WriteLine(result.Count);
                                break;
                            case WebSocketMessageType.Binary:
                                break;
                        }
                    }
                    catch (WebSocketException)
                    {
                    }
                }
            }

            public void Synchronous()
            {
                var buffer = new ArraySegment<byte>(new byte[1024]);
                do
                {
                    var result = {|WS5001:_socket.ReceiveAsync(buffer, default)|}.Result;
                    if (result.MessageType == WebSocketMessageType.Text)
                    {
                        Console.WriteLine(result.Count);
                    }
                }
                while (_running);
            }
        }
        """);

    [Fact]
    public Task The_outer_loop_of_a_fragment_loop_is_the_receive_loop() => Verify.VerifyAnalyzerAsync(Usings + """
        class Reader
        {
            public async Task ReadAsync(WebSocket socket, CancellationToken token)
            {
                var buffer = new ArraySegment<byte>(new byte[2048]);
                while (!token.IsCancellationRequested)
                {
                    using var ms = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await {|WS5001:socket.ReceiveAsync(buffer, token)|};
                        ms.Write(buffer.Array!, buffer.Offset, result.Count);
                    }
                    while (!result.EndOfMessage);

                    Console.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
                }
            }
        }
        """);

    [Fact]
    public Task Close_checks_in_every_form_are_recognised() => Verify.VerifyAnalyzerAsync(Usings + """
        class Loops
        {
            public async Task Direct(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, default);
                        break;
                    }
                }
            }

            public async Task CloseStatusCondition(WebSocket socket)
            {
                var buffer = new byte[1024];
                var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                while (!result.CloseStatus.HasValue)
                {
                    await socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, result.EndOfMessage, default);
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                }

                await socket.CloseAsync(result.CloseStatus.Value, result.CloseStatusDescription, default);
            }

            public async Task InTheCondition(WebSocket socket)
            {
                var buffer = new byte[1024];
                ValueWebSocketReceiveResult result;
                while ((result = await socket.ReceiveAsync(buffer.AsMemory(), default)).MessageType != WebSocketMessageType.Close)
                {
                    Console.WriteLine(result.Count);
                }
            }

            public async Task Switch(WebSocket socket)
            {
                var buffer = new byte[1024];
                for (;;)
                {
                    var result = await socket.ReceiveAsync(buffer, default);
                    switch (result.MessageType)
                    {
                        case WebSocketMessageType.Text:
                            break;
                        default:
                            return;
                    }
                }
            }

            public async Task SwitchExpression(WebSocket socket)
            {
                var buffer = new byte[1024];
                var open = true;
                while (open)
                {
                    var result = await socket.ReceiveAsync(buffer, default);
                    open = result.MessageType switch
                    {
                        WebSocketMessageType.Close => false,
                        _ => true,
                    };
                }
            }

            public async Task Pattern(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, default);
                    if (result is { MessageType: WebSocketMessageType.Close })
                    {
                        return;
                    }
                }
            }

            public async Task NotTheExpectedType(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, default);
                    if (result.MessageType != WebSocketMessageType.Text)
                    {
                        break;
                    }
                }
            }

            public async Task EmptyResult(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, default);
                    if (result.Count == 0)
                    {
                        break;
                    }
                }
            }

            public async Task StateInTheBody(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    await socket.ReceiveAsync(buffer, default);
                    if (socket.State != WebSocketState.Open)
                    {
                        break;
                    }
                }
            }

            public async Task SocketCloseStatus(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    await socket.ReceiveAsync(buffer, default);
                    if (socket.CloseStatus is { } status)
                    {
                        Console.WriteLine(status);
                        return;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task A_loop_that_stops_on_the_socket_state_is_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class StateLoops
        {
            private readonly ClientWebSocket _socket = new();
            private bool _stop;

            private bool IsConnected => _socket.State == WebSocketState.Open;

            public async Task Condition()
            {
                var buffer = new byte[1024];
                while (!_stop && _socket.State == WebSocketState.Open)
                {
                    var result = await _socket.ReceiveAsync(buffer, default);
                    if (result.MessageType != WebSocketMessageType.Text) continue;
                    Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
            }

            public async Task PropertyHelper()
            {
                var buffer = new byte[1024];
                while (IsConnected)
                {
                    await _socket.ReceiveAsync(buffer, default);
                }
            }

            public async Task MethodHelper()
            {
                var buffer = new byte[1024];
                while (IsOpen(_socket))
                {
                    await _socket.ReceiveAsync(buffer, default);
                }
            }

            private static bool IsOpen(WebSocket socket) => socket.State == WebSocketState.Open;
        }
        """);

    [Fact]
    public Task Close_handling_in_a_helper_of_the_same_type_is_recognised() => Verify.VerifyAnalyzerAsync(Usings + """
        class Helpers
        {
            public async Task WithPredicate(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, default);
                    if (IsClose(result))
                    {
                        break;
                    }
                }
            }

            public async Task WithHandler(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    await HandleAsync(socket, result);
                }
            }

            public async Task WithLocalFunction(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, default);
                    if (Closed(result.MessageType))
                    {
                        return;
                    }
                }

                static bool Closed(WebSocketMessageType type) => type == WebSocketMessageType.Close;
            }

            private static bool IsClose(WebSocketReceiveResult result) => result.MessageType == WebSocketMessageType.Close;

            private static async Task HandleAsync(WebSocket socket, WebSocketReceiveResult result)
            {
                if (result.CloseStatus.HasValue)
                {
                    await socket.CloseAsync(result.CloseStatus.Value, null, default);
                }
            }
        }
        """);

    [Fact]
    public Task Receives_outside_a_receive_loop_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class NotLoops
        {
            public async Task<string> ReceiveOneAsync(WebSocket socket)
            {
                var buffer = new ArraySegment<byte>(new byte[8192]);
                using var ms = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, default);
                    ms.Write(buffer.Array!, buffer.Offset, result.Count);
                }
                while (!result.EndOfMessage);

                return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(ms.ToArray()) : "";
            }

            public async Task RequestPerItem(ClientWebSocket socket, IEnumerable<string> items)
            {
                foreach (var item in items)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(item), WebSocketMessageType.Text, true, default);
                    var buffer = new byte[512];
                    await socket.ReceiveAsync(buffer, default);
                }

                for (var i = 0; i < 3; i++)
                {
                    await socket.ReceiveAsync(new byte[16], default);
                }
            }

            public async Task Lambda(WebSocket socket)
            {
                while (true)
                {
                    Func<Task> once = async () => await socket.ReceiveAsync(new byte[1], default);
                    await once();
                    if (socket.CloseStatus.HasValue) return;
                }
            }
        }
        """);

    [Fact]
    public Task Library_sockets_without_ReceiveAsync_are_not_concerned() => Verify.VerifyAnalyzerAsync(Usings + """
        class Libraries
        {
            public void Wire(WebSocketSharp.WebSocket ws, Fleck.IWebSocketConnection connection)
            {
                ws.OnMessage += (sender, e) => Console.WriteLine(e.Data);
                connection.OnMessage = message => Console.WriteLine(message);
            }
        }
        """);

    [Fact]
    public Task Fix_handles_the_Close_message_after_a_declared_result() => Verify.VerifyCodeFixAsync(Usings + """
        class Ticker
        {
            public async Task ListenAsync(ClientWebSocket ws, CancellationToken token)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    // one frame at a time
                    var result = await {|WS5001:ws.ReceiveAsync(new ArraySegment<byte>(buffer), token)|};
                    Console.WriteLine(result.Count);
                }
            }
        }
        """, Usings + """
        class Ticker
        {
            public async Task ListenAsync(ClientWebSocket ws, CancellationToken token)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    // one frame at a time
                    var result = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        if (ws.State == WebSocketState.CloseReceived)
                        {
                            await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, token);
                        }

                        break;
                    }

                    Console.WriteLine(result.Count);
                }
            }
        }
        """);

    [Fact]
    public Task Fix_keeps_ConfigureAwait_and_handles_an_assigned_and_a_dropped_result() => Verify.VerifyCodeFixAsync(Usings + """
        class Client
        {
            private readonly ClientWebSocket _socket = new();
            private readonly CancellationTokenSource _cts = new();

            public async Task PumpAsync()
            {
                var buffer = new byte[1024];
                ValueWebSocketReceiveResult received;
                for (;;)
                {
                    received = await {|WS5001:_socket.ReceiveAsync(buffer.AsMemory(), _cts.Token)|}.ConfigureAwait(false);
                    Console.WriteLine(received.Count);
                }
            }

            public async Task DrainAsync(WebSocket socket)
            {
                var result = 0;
                while (true)
                {
                    await {|WS5001:socket.ReceiveAsync(new byte[16], new CancellationTokenSource(1000).Token)|};
                    result++;
                }
            }
        }
        """, Usings + """
        class Client
        {
            private readonly ClientWebSocket _socket = new();
            private readonly CancellationTokenSource _cts = new();

            public async Task PumpAsync()
            {
                var buffer = new byte[1024];
                ValueWebSocketReceiveResult received;
                for (;;)
                {
                    received = await _socket.ReceiveAsync(buffer.AsMemory(), _cts.Token).ConfigureAwait(false);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        if (_socket.State == WebSocketState.CloseReceived)
                        {
                            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _cts.Token).ConfigureAwait(false);
                        }

                        break;
                    }

                    Console.WriteLine(received.Count);
                }
            }

            public async Task DrainAsync(WebSocket socket)
            {
                var result = 0;
                while (true)
                {
                    var result2 = await socket.ReceiveAsync(new byte[16], new CancellationTokenSource(1000).Token);
                    if (result2.MessageType == WebSocketMessageType.Close)
                    {
                        if (socket.State == WebSocketState.CloseReceived)
                        {
                            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                        }

                        break;
                    }

                    result++;
                }
            }
        }
        """);

    [Fact]
    public Task No_fix_where_a_break_would_not_leave_the_receive_loop_or_nothing_is_awaited()
    {
        var source = Usings + """
            class Shapes
            {
                public async Task FragmentLoopAsync(WebSocket socket, CancellationToken token)
                {
                    var buffer = new ArraySegment<byte>(new byte[2048]);
                    while (!token.IsCancellationRequested)
                    {
                        using var ms = new MemoryStream();
                        WebSocketReceiveResult result;
                        do
                        {
                            result = await {|WS5001:socket.ReceiveAsync(buffer, token)|};
                            ms.Write(buffer.Array!, buffer.Offset, result.Count);
                        }
                        while (!result.EndOfMessage);
                    }
                }

                public void Blocking(WebSocket socket)
                {
                    while (true)
                    {
                        var result = {|WS5001:socket.ReceiveAsync(new byte[16], default)|}.Result;
                        Console.WriteLine(result.Count);
                    }
                }
            }
            """;
        var test = Verify.CreateTest(source, source);
        return test.RunAsync();
    }

    [Fact]
    public Task Incomplete_code_does_not_break_the_analyzer()
    {
        var test = Verify.CreateTest(Usings + """
            class Broken
            {
                private readonly WebSocket _socket;

                public async Task GoAsync()
                {
                    while (true)
                    {
                        var result = await _socket.ReceiveAsync(
                        if (result.MessageType ==
                    }
                    for (;;) { await _socket.ReceiveAsync(, default); goto missing; }
                }
            }
            """, fixedSource: null);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Clear();
        return test.RunAsync();
    }
}
