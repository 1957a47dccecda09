using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsAnalyzers.CodeFixes.ReceiveLoop;
using WsAnalyzers.Core;
using WsAnalyzers.ReceiveLoop;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.ReceiveLoop;

public sealed class WS5002MessageAssembledWithoutLimitTests
{
    private static readonly RuleVerifier<ReceiveLoopAnalyzer, CapMessageSizeCodeFixProvider> Verify = new(RuleIdentifiers.MessageAssembledWithoutLimit);

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
    public Task Fix_closes_with_1009_past_a_named_limit_added_once_per_type() => Verify.VerifyCodeFixAsync(Usings + """
        class Reader
        {
            private readonly ClientWebSocket _socket = new();

            public async Task ReadAsync(Action<byte[]> handle, CancellationToken token)
            {
                var buffer = new ArraySegment<byte>(new byte[2048]);
                while (_socket.State == WebSocketState.Open)
                {
                    using var ms = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(buffer, token).ConfigureAwait(false);
                        {|WS5002:ms.Write(buffer.Array!, buffer.Offset, result.Count)|};
                    }
                    while (!result.EndOfMessage);
                    handle(ms.ToArray());
                }
            }

            public async Task ReadTextAsync(WebSocket socket, Action<string> handle)
            {
                var buffer = new byte[1024];
                var text = new StringBuilder();
                while (true)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    {|WS5002:text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count))|};
                    if (result.EndOfMessage)
                    {
                        handle(text.ToString());
                        text.Clear();
                    }
                }
            }
        }
        """, Usings + """
        class Reader
        {
            private readonly ClientWebSocket _socket = new();
            private const int MaxMessageSize = 1024 * 1024;

            public async Task ReadAsync(Action<byte[]> handle, CancellationToken token)
            {
                var buffer = new ArraySegment<byte>(new byte[2048]);
                while (_socket.State == WebSocketState.Open)
                {
                    using var ms = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await _socket.ReceiveAsync(buffer, token).ConfigureAwait(false);
                        ms.Write(buffer.Array!, buffer.Offset, result.Count);
                        if (ms.Length > MaxMessageSize)
                        {
                            await _socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", token).ConfigureAwait(false);
                            return;
                        }
                    }
                    while (!result.EndOfMessage);
                    handle(ms.ToArray());
                }
            }

            public async Task ReadTextAsync(WebSocket socket, Action<string> handle)
            {
                var buffer = new byte[1024];
                var text = new StringBuilder();
                while (true)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    if (text.Length > MaxMessageSize)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", CancellationToken.None);
                        return;
                    }

                    if (result.EndOfMessage)
                    {
                        handle(text.ToString());
                        text.Clear();
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Fix_uses_an_existing_limit_and_works_for_lists_and_buffer_writers() => Verify.VerifyCodeFixAsync(Usings + """
        class Server
        {
            public static int MaxMessageSize { get; set; } = 4096;

            public async Task ServeAsync(Microsoft.AspNetCore.Http.HttpContext context, Func<byte[], Task> handle)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[512];
                var bytes = new List<byte>();
                var writer = new ArrayBufferWriter<byte>();
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
                    {|WS5002:bytes.AddRange(new ArraySegment<byte>(buffer, 0, result.Count))|};
                    {|WS5002:writer.Write(buffer.AsSpan(0, result.Count))|};
                    if (result.EndOfMessage)
                    {
                        await handle(bytes.ToArray());
                        bytes.Clear();
                        writer.Clear();
                    }
                }
            }
        }
        """, Usings + """
        class Server
        {
            public static int MaxMessageSize { get; set; } = 4096;

            public async Task ServeAsync(Microsoft.AspNetCore.Http.HttpContext context, Func<byte[], Task> handle)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[512];
                var bytes = new List<byte>();
                var writer = new ArrayBufferWriter<byte>();
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), context.RequestAborted);
                    bytes.AddRange(new ArraySegment<byte>(buffer, 0, result.Count));
                    if (bytes.Count > MaxMessageSize)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", context.RequestAborted);
                        return;
                    }

                    writer.Write(buffer.AsSpan(0, result.Count));
                    if (writer.WrittenCount > MaxMessageSize)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", context.RequestAborted);
                        return;
                    }

                    if (result.EndOfMessage)
                    {
                        await handle(bytes.ToArray());
                        bytes.Clear();
                        writer.Clear();
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Fix_in_top_level_statements_declares_the_limit_first() => RunTopLevelFixAsync("""
        using System;
        using System.IO;
        using System.Net.WebSockets;
        using System.Threading;

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri("wss://example.org/feed"), CancellationToken.None);
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            using var ms = new MemoryStream();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                {|WS5002:ms.Write(buffer, 0, result.Count)|};
            }
            while (!result.EndOfMessage);
            Console.WriteLine(ms.Length);
        }
        """, """
        using System;
        using System.IO;
        using System.Net.WebSockets;
        using System.Threading;
        const int MaxMessageSize = 1024 * 1024;

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri("wss://example.org/feed"), CancellationToken.None);
        var buffer = new byte[1024];
        while (socket.State == WebSocketState.Open)
        {
            using var ms = new MemoryStream();
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None);
                ms.Write(buffer, 0, result.Count);
                if (ms.Length > MaxMessageSize)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", CancellationToken.None);
                    return;
                }
            }
            while (!result.EndOfMessage);
            Console.WriteLine(ms.Length);
        }
        """);

    private static Task RunTopLevelFixAsync(string source, string fixedSource)
    {
        var test = Verify.CreateTest(source, fixedSource);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task No_fix_where_returning_would_not_end_the_receive()
    {
        var source = Usings + """
            class Helpers
            {
                public async Task<string?> ReceiveTextAsync(WebSocket socket, CancellationToken token)
                {
                    var buffer = new ArraySegment<byte>(new byte[8192]);
                    using var ms = new MemoryStream();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer, token);
                        {|WS5002:ms.Write(buffer.Array!, buffer.Offset, result.Count)|};
                    }
                    while (!result.EndOfMessage);
                    return result.MessageType == WebSocketMessageType.Text ? Encoding.UTF8.GetString(ms.ToArray()) : null;
                }

                public void Blocking(WebSocket socket)
                {
                    var buffer = new byte[1024];
                    var text = new StringBuilder();
                    WebSocketReceiveResult result;
                    do
                    {
                        result = socket.ReceiveAsync(new ArraySegment<byte>(buffer), default).Result;
                        {|WS5002:text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count))|};
                    }
                    while (!result.EndOfMessage);
                }
            }
            """;
        return Verify.CreateTest(source, source).RunAsync();
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
