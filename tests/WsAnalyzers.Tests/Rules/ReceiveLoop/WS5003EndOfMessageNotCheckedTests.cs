using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsAnalyzers.Core;
using WsAnalyzers.ReceiveLoop;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.ReceiveLoop;

public sealed class WS5003EndOfMessageNotCheckedTests
{
    private static readonly RuleVerifier<ReceiveLoopAnalyzer, EmptyCodeFixProvider> Verify = new(RuleIdentifiers.EndOfMessageNotChecked);

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
