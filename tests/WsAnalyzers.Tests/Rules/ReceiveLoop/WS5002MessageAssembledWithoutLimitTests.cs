using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsAnalyzers.Core;
using WsAnalyzers.ReceiveLoop;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.ReceiveLoop;

public sealed class WS5002MessageAssembledWithoutLimitTests
{
    private static readonly RuleVerifier<ReceiveLoopAnalyzer, EmptyCodeFixProvider> Verify = new(RuleIdentifiers.MessageAssembledWithoutLimit);

    private const string Usings = """
        using System;
        using System.Buffers;
        using System.Collections.Generic;
        using System.IO;
        using System.Net;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    [Fact]
    public Task Every_kind_of_accumulator_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Assemblers
        {
            public async Task<byte[]> StreamAsync(ClientWebSocket socket)
            {
                var buffer = new ArraySegment<byte>(new byte[2048]);
                using var ms = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    {|WS5002:ms.Write(buffer.Array!, buffer.Offset, result.Count)|};
                }
                while (!result.EndOfMessage);
                return ms.ToArray();
            }

            public async Task<string> BuilderAsync(WebSocket socket, CancellationToken token)
            {
                var buffer = new byte[1024];
                var text = new StringBuilder();
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer.AsMemory(), token);
                    {|WS5002:text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count))|};
                    if (result.EndOfMessage)
                    {
                        return text.ToString();
                    }
                }
            }

            public async Task<byte[]> ListAsync(WebSocket socket)
            {
                var bytes = new List<byte>();
                var buffer = new byte[512];
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    var exact = new byte[result.Count];
                    Array.Copy(buffer, exact, result.Count);
                    {|WS5002:bytes.AddRange(exact)|};
                }
                while (!result.EndOfMessage);
                return bytes.ToArray();
            }

            public async Task<ReadOnlyMemory<byte>> WriterAsync(WebSocket socket)
            {
                var writer = new ArrayBufferWriter<byte>();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(writer.GetMemory(4096), default);
                    {|WS5002:writer.Advance(result.Count)|};
                }
                while (!result.EndOfMessage);
                return writer.WrittenMemory;
            }

            public async Task<string> StringAsync(WebSocket socket)
            {
                var message = "";
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    {|WS5002:message += Encoding.UTF8.GetString(buffer, 0, result.Count)|};
                    if (result.EndOfMessage)
                    {
                        return message;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task AspNetCore_and_HttpListener_servers_with_a_stream_field_or_parameter_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Servers
        {
            private readonly MemoryStream _pending = new();

            public async Task AspNetCoreAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[4096];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
                    await {|WS5002:_pending.WriteAsync(buffer, 0, result.Count)|};
                    if (result.EndOfMessage)
                    {
                        _pending.SetLength(0);
                    }
                }
            }

            public async Task<WebSocketReceiveResult> HttpListenerAsync(HttpListenerWebSocketContext context, MemoryStream message)
            {
                var segment = new ArraySegment<byte>(new byte[1024]);
                WebSocketReceiveResult result;
                do
                {
                    result = await context.WebSocket.ReceiveAsync(segment, CancellationToken.None).ConfigureAwait(false);
                    await {|WS5002:message.WriteAsync(segment.Array!, segment.Offset, result.Count)|}.ConfigureAwait(false);
                }
                while (!result.EndOfMessage);
                return result;
            }

            public async Task<Stream> PooledAsync(WebSocket socket, Func<MemoryStream> rent)
            {
                var memory = new ArraySegment<byte>(new byte[1024]);
                Stream stream = Stream.Null;
                stream = rent();
                WebSocketReceiveResult? result;
                do
                {
                    result = await socket.ReceiveAsync(memory, default);
                    await {|WS5002:stream.WriteAsync(memory.AsMemory(memory.Offset, result.Count))|};
                }
                while (result?.EndOfMessage == false);
                return stream;
            }
        }
        """);

    [Fact]
    public Task Only_the_first_append_to_an_accumulator_is_reported_also_in_a_goto_loop() => Verify.VerifyAnalyzerAsync(Usings + """
        class Gotos
        {
            public async Task ListenAsync(ClientWebSocket ws)
            {
                while (ws.State == WebSocketState.Open)
                {
                    var message = "";
                    var binary = new List<byte>();
                READ:
                    var buffer = new byte[1024];
                    var res = await ws.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    if (res.MessageType == WebSocketMessageType.Text)
                    {
                        if (!res.EndOfMessage)
                        {
                            {|WS5002:message += Encoding.UTF8.GetString(buffer).TrimEnd('\0')|};
                            goto READ;
                        }

                        message += Encoding.UTF8.GetString(buffer).TrimEnd('\0');
                        Console.WriteLine(message);
                    }
                    else
                    {
                        var exact = new byte[res.Count];
                        Array.Copy(buffer, 0, exact, 0, res.Count);
                        if (!res.EndOfMessage)
                        {
                            {|WS5002:binary.AddRange(exact)|};
                            goto READ;
                        }

                        binary.AddRange(exact);
                        Console.WriteLine(binary.Count);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task A_size_check_anywhere_in_the_function_is_a_limit() => Verify.VerifyAnalyzerAsync(Usings + """
        class Limited
        {
            private const int MaxMessageSize = 64 * 1024;

            public async Task<byte[]?> AfterAppendAsync(WebSocket socket)
            {
                var buffer = new ArraySegment<byte>(new byte[2048]);
                using var ms = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, default);
                    ms.Write(buffer.Array!, buffer.Offset, result.Count);
                    if (ms.Length > MaxMessageSize)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "too big", default);
                        return null;
                    }
                }
                while (!result.EndOfMessage);
                return ms.ToArray();
            }

            public async Task<string> InTheConditionAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                var text = new StringBuilder();
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(), default);
                    text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
                while (!result.EndOfMessage && text.Length < MaxMessageSize);
                return text.ToString();
            }

            public async Task<byte[]> CounterAsync(WebSocket socket, int limit)
            {
                var buffer = new byte[1024];
                var bytes = new List<byte>();
                var total = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    total += result.Count;
                    if (total > limit)
                    {
                        throw new InvalidDataException("too big");
                    }

                    bytes.AddRange(new ArraySegment<byte>(buffer, 0, result.Count));
                }
                while (!result.EndOfMessage);
                return bytes.ToArray();
            }

            public async Task<byte[]> FixedStreamAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                var whole = new byte[MaxMessageSize];
                using var ms = new MemoryStream(whole);
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    ms.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                return ms.ToArray();
            }
        }
        """);

    [Fact]
    public Task Appends_that_do_not_gather_a_message_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class NotAssembly
        {
            private readonly List<string> _log = new();

            public async Task OnePerIterationAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var ms = new MemoryStream();
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    ms.Write(buffer, 0, result.Count);
                    if (result.EndOfMessage)
                    {
                        Console.WriteLine(ms.Length);
                    }
                }
            }

            public async Task NoEndOfMessageAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    _log.Add(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
            }

            public async Task StreamingToAFileAsync(WebSocket socket, Stream file)
            {
                var buffer = new byte[1024];
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    await file.WriteAsync(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
            }

            public async Task UnrelatedAppendAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                var names = new List<string>();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), default);
                    names.Add("fragment");
                }
                while (!result.EndOfMessage);
            }

            public void NotAWebSocket(Stream source)
            {
                var ms = new MemoryStream();
                var buffer = new byte[1024];
                int read;
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    ms.Write(buffer, 0, read);
                }
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
                    var ms = new MemoryStream();
                    do
                    {
                        var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), );
                        ms.Write(buffer, 0, result.);
                        text += 
                    }
                    while (!result.EndOfMessage);
                }
            }
            """, fixedSource: null);
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Clear();
        return test.RunAsync();
    }
}
