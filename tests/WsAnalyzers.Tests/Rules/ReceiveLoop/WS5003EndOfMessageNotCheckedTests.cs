using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsAnalyzers.CodeFixes.ReceiveLoop;
using WsAnalyzers.Core;
using WsAnalyzers.ReceiveLoop;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.ReceiveLoop;

public sealed class WS5003EndOfMessageNotCheckedTests
{
    private static readonly RuleVerifier<ReceiveLoopAnalyzer, ReceiveWholeMessageCodeFixProvider> Verify = new(RuleIdentifiers.EndOfMessageNotChecked);

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Net;
        using System.Net.WebSockets;
        using System.Text;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    [Fact]
    public Task A_decoded_receive_is_flagged_across_the_socket_APIs() => Verify.VerifyAnalyzerAsync(Usings + """
        record Tick(string Symbol, decimal Price);

        class Receivers
        {
            public async Task ClientAsync(ClientWebSocket client)
            {
                var buffer = new byte[1024 * 4];
                while (true)
                {
                    var result = await {|WS5003:client.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None)|};
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
            }

            public async Task AspNetCoreAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[4096];
                while (socket.State == WebSocketState.Open)
                {
                    ValueWebSocketReceiveResult result = await {|WS5003:socket.ReceiveAsync(buffer.AsMemory(), context.RequestAborted)|};
                    var tick = JsonSerializer.Deserialize<Tick>(buffer.AsSpan(0, result.Count));
                    Console.WriteLine(tick);
                }
            }

            public async Task HttpListenerAsync(HttpListenerContext context)
            {
                var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                var segment = new ArraySegment<byte>(new byte[1024]);
                while (socket.State == WebSocketState.Open)
                {
                    var result = await {|WS5003:socket.ReceiveAsync(segment, CancellationToken.None)|};
                    await socket.SendAsync(new ArraySegment<byte>(segment.Array!, 0, result.Count), WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }

            public async Task MemorySpanRangeAsync(ClientWebSocket client, byte[] rented)
            {
                var memory = rented.AsMemory();
                while (client.State == WebSocketState.Open)
                {
                    ValueWebSocketReceiveResult result = await {|WS5003:client.ReceiveAsync(memory, CancellationToken.None)|};
                    Console.WriteLine(Encoding.UTF8.GetString(memory.Span[..result.Count]));
                }
            }
        }
        """);

    [Fact]
    public Task The_receive_before_the_loop_and_the_one_at_its_end_both_feed_the_use() => Verify.VerifyAnalyzerAsync(Usings + """
        class Echo
        {
            public async Task RunAsync(WebSocket webSocket)
            {
                var buffer = new byte[1024];
                var result = await {|WS5003:webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None)|};
                while (!result.CloseStatus.HasValue)
                {
                    var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                    Console.WriteLine(text);
                    result = await {|WS5003:webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None)|};
                }
            }

            public async Task FirstMessageDroppedAsync(WebSocket webSocket)
            {
                var buffer = new byte[1024];
                var result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                while (!result.CloseStatus.HasValue)
                {
                    result = await {|WS5003:webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None)|};
                    Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
            }
        }
        """);

    [Fact]
    public Task Dispatching_the_bytes_to_a_handler_a_delegate_or_a_helper_that_ignores_EndOfMessage_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Dispatchers
        {
            public event Action<byte[]>? Received;

            public async Task HandlerAsync(WebSocket socket)
            {
                var buffer = new byte[256];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await {|WS5003:socket.ReceiveAsync(new ArraySegment<byte>(buffer), default)|};
                    HandleMessage(buffer, result.Count);
                }
            }

            public async Task EventAsync(WebSocket socket)
            {
                var buffer = new byte[256];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await {|WS5003:socket.ReceiveAsync(new ArraySegment<byte>(buffer), default)|};
                    Received?.Invoke(buffer.Take(result.Count).ToArray());
                }
            }

            public static async Task<(string Message, WebSocketReceiveResult Result)> ReceiveTextAsync(WebSocket ws, byte[] buffer)
            {
                var result = await {|WS5003:ws.ReceiveAsync(new ArraySegment<byte>(buffer), default)|};
                var message = Decode(buffer, result);
                return (message, result);
            }

            public async Task OneShotAsync(ClientWebSocket socket)
            {
                var buffer = new byte[500];
                var ignored = await {|WS5003:socket.ReceiveAsync(buffer, CancellationToken.None)|};
                var text = Encoding.UTF8.GetString(buffer);
                Console.WriteLine(text);
            }

            private static string Decode(byte[] buffer, WebSocketReceiveResult result) => Encoding.UTF8.GetString(buffer, 0, result.Count);

            private static void HandleMessage(byte[] buffer, int count) => Console.WriteLine(count);
        }
        """);

    [Fact]
    public Task Code_that_looks_at_EndOfMessage_is_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Correct
        {
            public async Task AssembleAsync(WebSocket socket)
            {
                var buffer = new ArraySegment<byte>(new byte[2048]);
                while (true)
                {
                    WebSocketReceiveResult result;
                    using var ms = new MemoryStream();
                    do
                    {
                        result = await socket.ReceiveAsync(buffer, default);
                        ms.Write(buffer.Array!, buffer.Offset, result.Count);
                    }
                    while (!result.EndOfMessage);

                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    Console.WriteLine(Encoding.UTF8.GetString(ms.ToArray()));
                }
            }

            public async Task EchoAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                while (!result.CloseStatus.HasValue)
                {
                    await socket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, result.EndOfMessage, default);
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                }
            }

            public async Task HelperChecksAsync(WebSocket socket, Func<byte[], WebSocketReceiveResult, Task> handler)
            {
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    await handler(buffer, result);
                    await OnFragmentAsync(buffer, result);
                }
            }

            private static Task OnFragmentAsync(byte[] buffer, WebSocketReceiveResult result) =>
                result.EndOfMessage ? Task.CompletedTask : Task.Delay(1);
        }
        """);

    [Fact]
    public Task Receives_whose_bytes_are_not_used_as_a_message_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class NotMessages
        {
            public async Task DrainUntilCloseAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                while (!result.CloseStatus.HasValue)
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                }
            }

            public async Task StreamToFileAsync(WebSocket socket, Stream file)
            {
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    await file.WriteAsync(buffer, 0, result.Count);
                    Array.Clear(buffer, 0, buffer.Length);
                }
            }

            public async Task TextStreamAsync(WebSocket socket, StringBuilder transcript)
            {
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    transcript.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
            }

            public async Task<WebSocketReceiveResult> ForwardAsync(WebSocket socket, ArraySegment<byte> buffer) =>
                await socket.ReceiveAsync(buffer, default);

            public async Task CountAsync(WebSocket socket)
            {
                var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1024);
                var total = 0;
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    total += result.Count;
                }

                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        """);

    [Fact]
    public Task Fix_receives_whole_messages_through_one_helper_per_type() => Verify.VerifyCodeFixAsync(Usings + """
        class Echo
        {
            public async Task RunAsync(WebSocket webSocket, CancellationToken token)
            {
                var buffer = new byte[1024];
                var result = await {|WS5003:webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), token)|};
                while (!result.CloseStatus.HasValue)
                {
                    Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    result = await {|WS5003:webSocket.ReceiveAsync(buffer, token)|};
                }
            }
        }
        """, Usings + """
        class Echo
        {
            public async Task RunAsync(WebSocket webSocket, CancellationToken token)
            {
                var buffer = new byte[1024];
                var result = await ReceiveWholeMessageAsync(webSocket, new ArraySegment<byte>(buffer), token);
                while (!result.CloseStatus.HasValue)
                {
                    Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    result = await ReceiveWholeMessageAsync(webSocket, new ArraySegment<byte>(buffer), token);
                }
            }

            // Receives one whole message into buffer: fragments are read until EndOfMessage. A message longer than the
            // buffer is refused with 1009 (MessageTooBig) and returned as a Close.
            private static async Task<WebSocketReceiveResult> ReceiveWholeMessageAsync(WebSocket socket, ArraySegment<byte> buffer, CancellationToken cancellationToken)
            {
                var count = 0;
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer.Slice(count), cancellationToken);
                    count += result.Count;
                    if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
                    {
                        return new WebSocketReceiveResult(count, result.MessageType, true, result.CloseStatus, result.CloseStatusDescription);
                    }

                    if (count == buffer.Count)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", cancellationToken);
                        return new WebSocketReceiveResult(0, WebSocketMessageType.Close, true, WebSocketCloseStatus.MessageTooBig, "Message too big");
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Fix_keeps_the_Memory_overload_and_its_result_type() => Verify.VerifyCodeFixAsync(Usings + """
        record Tick(string Symbol);

        class Feed
        {
            private readonly ClientWebSocket _client = new();

            public async Task<Tick?> NextAsync()
            {
                var buffer = new byte[4096];
                ValueWebSocketReceiveResult result = await {|WS5003:_client.ReceiveAsync(buffer.AsMemory(), CancellationToken.None)|}.ConfigureAwait(false);
                return JsonSerializer.Deserialize<Tick>(buffer.AsSpan(0, result.Count));
            }
        }
        """, Usings + """
        record Tick(string Symbol);

        class Feed
        {
            private readonly ClientWebSocket _client = new();

            public async Task<Tick?> NextAsync()
            {
                var buffer = new byte[4096];
                ValueWebSocketReceiveResult result = await ReceiveWholeMessageAsync(_client, buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                return JsonSerializer.Deserialize<Tick>(buffer.AsSpan(0, result.Count));
            }

            // Receives one whole message into buffer: fragments are read until EndOfMessage. A message longer than the
            // buffer is refused with 1009 (MessageTooBig) and returned as a Close.
            private static async ValueTask<ValueWebSocketReceiveResult> ReceiveWholeMessageAsync(WebSocket socket, Memory<byte> buffer, CancellationToken cancellationToken)
            {
                var count = 0;
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer.Slice(count), cancellationToken);
                    count += result.Count;
                    if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
                    {
                        return new ValueWebSocketReceiveResult(count, result.MessageType, true);
                    }

                    if (count == buffer.Length)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", cancellationToken);
                        return new ValueWebSocketReceiveResult(0, WebSocketMessageType.Close, true);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Fix_in_top_level_statements_adds_a_local_function()
    {
        var test = Verify.CreateTest("""
            using System;
            using System.Net.WebSockets;
            using System.Text;
            using System.Threading;

            using var ws = new ClientWebSocket();
            await ws.ConnectAsync(new Uri("ws://localhost:5065/"), CancellationToken.None);
            var buffer = new byte[256];
            while (ws.State == WebSocketState.Open)
            {
                var result = await {|WS5003:ws.ReceiveAsync(buffer, CancellationToken.None)|};
                Console.WriteLine(Encoding.ASCII.GetString(buffer, 0, result.Count));
            }
            """, """
            using System;
            using System.Net.WebSockets;
            using System.Text;
            using System.Threading;

            using var ws = new ClientWebSocket();
            await ws.ConnectAsync(new Uri("ws://localhost:5065/"), CancellationToken.None);
            var buffer = new byte[256];
            while (ws.State == WebSocketState.Open)
            {
                var result = await ReceiveWholeMessageAsync(ws, new ArraySegment<byte>(buffer), CancellationToken.None);
                Console.WriteLine(Encoding.ASCII.GetString(buffer, 0, result.Count));
            }

            // Receives one whole message into buffer: fragments are read until EndOfMessage. A message longer than the
            // buffer is refused with 1009 (MessageTooBig) and returned as a Close.
            static async System.Threading.Tasks.Task<WebSocketReceiveResult> ReceiveWholeMessageAsync(WebSocket socket, ArraySegment<byte> buffer, CancellationToken cancellationToken)
            {
                var count = 0;
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer.Slice(count), cancellationToken);
                    count += result.Count;
                    if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
                    {
                        return new WebSocketReceiveResult(count, result.MessageType, true, result.CloseStatus, result.CloseStatusDescription);
                    }

                    if (count == buffer.Count)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", cancellationToken);
                        return new WebSocketReceiveResult(0, WebSocketMessageType.Close, true, WebSocketCloseStatus.MessageTooBig, "Message too big");
                    }
                }
            }
            """);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
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
                    var buffer = new byte[];
                    var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), 
                    Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, result.));
                    var other = await _socket.ReceiveAsync(missing, default);
                    Handle(missing);
                }
            }
            """, fixedSource: null);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Clear();
        return test.RunAsync();
    }
}
