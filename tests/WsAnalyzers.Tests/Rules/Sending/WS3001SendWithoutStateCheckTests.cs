using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.Sending;
using WsAnalyzers.Core;
using WsAnalyzers.Sending;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Sending;

public sealed class WS3001SendWithoutStateCheckTests
{
    private static readonly RuleVerifier<SendingAnalyzer, SendWithoutStateCheckCodeFixProvider> Verify = new(RuleIdentifiers.SendWithoutStateCheck);

    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    [Fact]
    public Task Broadcast_over_System_Net_sockets_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Hub
        {
            private readonly ConcurrentDictionary<string, WebSocket> _sockets = new();

            public async Task BroadcastAsync(byte[] payload)
            {
                foreach (var socket in _sockets.Values)
                {
                    await {|WS3001:socket.SendAsync(new ArraySegment<byte>(payload), WebSocketMessageType.Text, true, CancellationToken.None)|};
                }
            }
        }
        """);

    [Fact]
    public Task ClientWebSocket_field_send_with_memory_overload_and_ConfigureAwait_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly ClientWebSocket _socket = new();

            public async Task PingAsync()
            {
                await {|WS3001:_socket.SendAsync(Encoding.UTF8.GetBytes("ping").AsMemory(), WebSocketMessageType.Text, true, default)|}.ConfigureAwait(false);
            }
        }
        """);

    [Fact]
    public Task ForEach_lambda_send_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Hub
        {
            private readonly List<WebSocket> _sockets = new();

            public void Broadcast(ArraySegment<byte> payload) =>
                _sockets.ForEach(s => {|WS3001:s.SendAsync(payload, WebSocketMessageType.Binary, true, CancellationToken.None)|});
        }
        """);

    [Fact]
    public Task Send_from_a_timer_after_the_socket_was_stored_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Session
        {
            private WebSocket? _socket;

            public async Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                _socket = await context.WebSockets.AcceptWebSocketAsync();
                var timer = new Timer(_ => {|WS3001:_socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default)|}, null, 1000, 1000);
                await Task.Delay(Timeout.Infinite);
            }
        }
        """);

    [Fact]
    public Task WebSocketSharp_client_send_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly WebSocketSharp.WebSocket _ws = new("ws://localhost:8080");

            public void Notify(string text)
            {
                {|WS3001:_ws.Send(text)|};
                {|WS3001:_ws.SendAsync(text, ok => { })|};
            }
        }
        """);

    [Fact]
    public Task WebSocketSharp_send_to_another_socket_from_a_message_handler_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Relay
        {
            public void Wire(WebSocketSharp.WebSocket from, WebSocketSharp.WebSocket to)
            {
                from.OnMessage += (sender, e) => {|WS3001:to.Send(e.Data)|};
            }
        }
        """);

    [Fact]
    public Task WebSocketBehavior_send_outside_its_handlers_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            public void Push(string text)
            {
                {|WS3001:Send(text)|};
            }
        }
        """);

    [Fact]
    public Task State_checks_are_recognised() => Verify.VerifyAnalyzerAsync(Usings + """
        class Sender
        {
            private readonly ClientWebSocket _socket = new();
            private readonly WebSocketSharp.WebSocket _sharp = new("ws://localhost");

            public async Task IfOpenAsync(byte[] data)
            {
                if (_socket.State == WebSocketState.Open)
                {
                    await _socket.SendAsync(data, WebSocketMessageType.Binary, true, default);
                }
            }

            public async Task EarlyReturnAsync(byte[] data)
            {
                if (_socket.State != WebSocketState.Open)
                {
                    return;
                }

                await _socket.SendAsync(data, WebSocketMessageType.Binary, true, default);
            }

            public async Task LoopConditionAsync(byte[] data)
            {
                while (_socket.State == WebSocketState.Open)
                {
                    await _socket.SendAsync(data, WebSocketMessageType.Binary, true, default);
                    await Task.Delay(1000);
                }
            }

            public async Task PatternAsync(byte[] data)
            {
                if (_socket is { State: WebSocketState.Open })
                {
                    await _socket.SendAsync(data, WebSocketMessageType.Binary, true, default);
                }
            }

            public void Sharp(string text)
            {
                if (_sharp.IsAlive) _sharp.Send(text);
                if (_sharp.ReadyState == WebSocketSharp.WebSocketState.Open) _sharp.Send(text);
                var sent = _sharp.ReadyState == WebSocketSharp.WebSocketState.Open && _sharp.Ping();
            }
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            public void Push(string text)
            {
                if (ReadyState == WebSocketSharp.WebSocketState.Open)
                {
                    Send(text);
                }
            }
        }
        """);

    [Fact]
    public Task A_wrappers_own_connection_flag_counts_as_a_state_check() => Verify.VerifyAnalyzerAsync(Usings + """
        class Connection
        {
            private readonly ClientWebSocket _socket = new();
            private bool _connected;

            public bool IsOpen => _socket.State == WebSocketState.Open;

            public async Task ConnectAsync(Uri uri)
            {
                await _socket.ConnectAsync(uri, default);
                _connected = true;
            }

            public async Task SendAsync(byte[] data)
            {
                if (!IsOpen) return;
                await _socket.SendAsync(data, WebSocketMessageType.Binary, true, default);
            }

            public async Task PingAsync()
            {
                if (_connected)
                {
                    await _socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default);
                }
            }
        }
        """);

    [Fact]
    public Task A_bool_of_another_object_is_not_a_state_check() => Verify.VerifyAnalyzerAsync(Usings + """
        class Options { public bool Enabled { get; set; } }

        class Pinger
        {
            private readonly ClientWebSocket _socket = new();
            private readonly Options _options = new();

            public async Task PingAsync(bool force)
            {
                if (_options.Enabled || force)
                {
                    await {|WS3001:_socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default)|};
                }
            }
        }
        """);

    [Fact]
    public Task Exception_handling_is_recognised() => Verify.VerifyAnalyzerAsync(Usings + """
        class Sender
        {
            private readonly List<WebSocket> _sockets = new();
            private readonly WebSocketSharp.WebSocket _sharp = new("ws://localhost");

            public async Task BroadcastAsync(byte[] data)
            {
                foreach (var socket in _sockets)
                {
                    try { await socket.SendAsync(data, WebSocketMessageType.Binary, true, default); }
                    catch (WebSocketException) { }
                }

                foreach (var socket in _sockets)
                {
                    try { await socket.SendAsync(data, WebSocketMessageType.Binary, true, default); }
                    catch (Exception) { }
                }

                foreach (var socket in _sockets)
                {
                    try { await socket.SendAsync(data, WebSocketMessageType.Binary, true, default); }
                    catch { }
                }
            }

            public void Sharp(string text)
            {
                try { _sharp.Send(text); }
                catch (InvalidOperationException) { }
            }
        }
        """);

    [Fact]
    public Task Catch_of_an_unrelated_exception_does_not_count() => Verify.VerifyAnalyzerAsync(Usings + """
        class Sender
        {
            private readonly List<WebSocket> _sockets = new();

            public async Task BroadcastAsync(byte[] data)
            {
                foreach (var socket in _sockets)
                {
                    try { await {|WS3001:socket.SendAsync(data, WebSocketMessageType.Binary, true, default)|}; }
                    catch (FormatException) { }
                }
            }
        }
        """);

    [Fact]
    public Task Echo_loop_and_greeting_after_accept_or_connect_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Endpoint
        {
            public async Task EchoAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
                await webSocket.SendAsync(Encoding.UTF8.GetBytes("hello"), WebSocketMessageType.Text, true, default);
                var buffer = new byte[1024 * 4];
                var result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                while (!result.CloseStatus.HasValue)
                {
                    await webSocket.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, result.EndOfMessage, CancellationToken.None);
                    result = await webSocket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                }

                await webSocket.CloseAsync(result.CloseStatus.Value, result.CloseStatusDescription, CancellationToken.None);
            }

            public async Task ConnectAsync(Uri uri)
            {
                using var client = new ClientWebSocket();
                await client.ConnectAsync(uri, default);
                await client.SendAsync(Encoding.UTF8.GetBytes("subscribe"), WebSocketMessageType.Text, true, default);
            }
        }
        """);

    [Fact]
    public Task Replies_from_own_message_handlers_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Echo : WebSocketSharp.Server.WebSocketBehavior
        {
            protected override void OnMessage(WebSocketSharp.MessageEventArgs e) => Send(e.Data);

            protected override void OnOpen() => Send("welcome");
        }

        class Client
        {
            public void Wire(WebSocketSharp.WebSocket ws)
            {
                ws.OnMessage += (sender, e) => ws.Send("ack " + e.Data);
                ws.OnOpen += delegate { ws.Send("hello"); };
            }
        }
        """);

    [Fact]
    public Task Libraries_that_tolerate_closed_peers_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using Microsoft.AspNetCore.SignalR;

        class ChatHub : Hub
        {
            public Task Broadcast(string text) => Clients.All.SendAsync("message", text);
        }

        class FleckServer
        {
            private readonly List<Fleck.IWebSocketConnection> _all = new();

            public void Broadcast(string text) => _all.ForEach(c => c.Send(text));
        }

        class Rx
        {
            private readonly Websocket.Client.WebsocketClient _client = new(new Uri("wss://example.org"));

            public void Say(string text) => _client.Send(text);
        }
        """);

    [Fact]
    public Task A_socket_parameter_is_the_callers_to_guard() => Verify.VerifyAnalyzerAsync(Usings + """
        static class WebSocketExtensions
        {
            public static Task SendTextAsync(this WebSocket socket, string text) =>
                socket.SendAsync(Encoding.UTF8.GetBytes(text).AsMemory(), WebSocketMessageType.Text, true, default).AsTask();
        }
        """);

    [Fact]
    public Task Look_alike_types_are_not_flagged() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        namespace MyApp
        {
            class WebSocket
            {
                public Task SendAsync(string text) => Task.CompletedTask;
                public void Send(string text) { }
            }

            class Use
            {
                private readonly WebSocket _socket = new();

                public async Task GoAsync()
                {
                    await _socket.SendAsync("x");
                    _socket.Send("y");
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
                    await _socket.SendAsync(
                    if (_socket.State ==
                    foreach (var s in ) await s.SendAsync(default, WebSocketMessageType.Text, true, default);
                }
            }
            """, fixedSource: null);
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Clear();
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_wraps_System_Net_send_in_a_state_check() => Verify.VerifyCodeFixAsync(Usings + """
        class Hub
        {
            private readonly List<WebSocket> _sockets = new();

            public async Task BroadcastAsync(byte[] payload)
            {
                foreach (var socket in _sockets)
                {
                    // every peer
                    await {|WS3001:socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None)|}.ConfigureAwait(false);
                }
            }
        }
        """, Usings + """
        class Hub
        {
            private readonly List<WebSocket> _sockets = new();

            public async Task BroadcastAsync(byte[] payload)
            {
                foreach (var socket in _sockets)
                {
                    // every peer
                    if (socket.State == WebSocketState.Open)
                    {
                        await socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Fix_All_wraps_every_send_including_websocket_sharp_and_behaviors() => Verify.VerifyCodeFixAsync(Usings + """
        class Client
        {
            private readonly WebSocketSharp.WebSocket _ws = new("ws://localhost:8080");
            private readonly ClientWebSocket _client = new();

            public async Task NotifyAsync(string text)
            {
                {|WS3001:_ws.Send(text)|};
                await {|WS3001:_client.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default)|};
            }
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            public void Push(string text)
            {
                {|WS3001:Send(text)|};
            }
        }
        """, Usings + """
        class Client
        {
            private readonly WebSocketSharp.WebSocket _ws = new("ws://localhost:8080");
            private readonly ClientWebSocket _client = new();

            public async Task NotifyAsync(string text)
            {
                if (_ws.ReadyState == WebSocketSharp.WebSocketState.Open)
                {
                    _ws.Send(text);
                }
                if (_client.State == WebSocketState.Open)
                {
                    await _client.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);
                }
            }
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            public void Push(string text)
            {
                if (ReadyState == WebSocketSharp.WebSocketState.Open)
                {
                    Send(text);
                }
            }
        }
        """);

    [Fact]
    public Task Sends_that_are_not_statements_get_no_fix()
    {
        var source = Usings + """
            class Hub
            {
                private readonly List<WebSocket> _sockets = new();

                public Task SendFirstAsync(byte[] payload) => {|WS3001:_sockets[0].SendAsync(payload.AsMemory(), WebSocketMessageType.Text, true, default)|}.AsTask();
            }
            """;
        var test = Verify.CreateTest(source, source);
        return test.RunAsync();
    }
}
