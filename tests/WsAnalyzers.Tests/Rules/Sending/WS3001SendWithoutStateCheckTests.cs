using System;
using System.Linq;
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
    public Task A_state_filter_feeding_the_send_is_a_state_check() => Verify.VerifyAnalyzerAsync(Usings + """
        using System.Linq;

        class Hub
        {
            private readonly List<WebSocket> _sockets = new();
            private readonly ConcurrentDictionary<string, WebSocket> _byId = new();
            private readonly List<WebSocketSharp.WebSocket> _feeds = new();

            public Task SelectAwaitedAsync(byte[] data) =>
                Task.WhenAll(_sockets.Where(s => s.State == WebSocketState.Open).Select(async s => await s.SendAsync(data, WebSocketMessageType.Text, true, default)));

            public Task SelectReturnedAsync(byte[] data) =>
                Task.WhenAll(_sockets.Where(s => s.State == WebSocketState.Open).Select(socket =>
                {
                    return socket.SendAsync(new ArraySegment<byte>(data), WebSocketMessageType.Text, true, CancellationToken.None);
                }));

            public async Task ForEachLoopAsync(byte[] data)
            {
                foreach (var socket in _sockets.Where(s => s is { State: WebSocketState.Open }).OrderBy(s => s.GetHashCode()))
                {
                    await socket.SendAsync(data, WebSocketMessageType.Text, true, default);
                }

                foreach (var pair in _byId.Where(p => p.Value.State == WebSocketState.Open).ToList())
                {
                    await pair.Value.SendAsync(data, WebSocketMessageType.Text, true, default);
                }
            }

            public void Publish(string text) => _feeds.Where(f => f.IsAlive).ToList().ForEach(f => f.Send(text));
        }
        """);

    [Fact]
    public Task A_filter_on_something_else_or_on_other_elements_is_not_a_state_check() => Verify.VerifyAnalyzerAsync(Usings + """
        using System.Linq;

        class Peer
        {
            public string Room { get; set; } = "";
            public WebSocket Socket { get; set; } = null!;
            public WebSocket Backup { get; set; } = null!;
        }

        class Hub
        {
            private readonly List<Peer> _peers = new();
            private readonly List<WebSocket> _sockets = new();
            private readonly ClientWebSocket _upstream = new();

            public async Task RoomAsync(string room, byte[] data)
            {
                foreach (var peer in _peers.Where(p => p.Room == room))
                {
                    await {|WS3001:peer.Socket.SendAsync(data, WebSocketMessageType.Text, true, default)|};
                }

                foreach (var backup in _peers.Where(p => p.Socket.State == WebSocketState.Open).Select(p => p.Backup))
                {
                    await {|WS3001:backup.SendAsync(data, WebSocketMessageType.Text, true, default)|};
                }

                foreach (var peer in _peers.Where(p => p.Socket.State == WebSocketState.Open))
                {
                    await {|WS3001:peer.Backup.SendAsync(data, WebSocketMessageType.Text, true, default)|};
                }
            }

            public Task ForwardAsync(byte[] data) =>
                Task.WhenAll(_sockets.Where(s => s.State == WebSocketState.Open).Select(s => {|WS3001:_upstream.SendAsync(data, WebSocketMessageType.Text, true, default)|}));
        }
        """);

    [Fact]
    public Task An_element_guarded_at_the_same_index_is_checked() => Verify.VerifyAnalyzerAsync(Usings + """
        class Player
        {
            public WebSocket Socket { get; set; } = null!;
        }

        class Table
        {
            private readonly WebSocket[] _peers = new WebSocket[4];
            private readonly Dictionary<string, Player> _players = new();

            public async Task RoundAsync(byte[] data, string id)
            {
                for (var i = 0; i < _peers.Length; i++)
                {
                    if (_peers[i].State == WebSocketState.Open)
                    {
                        await _peers[i].SendAsync(data, WebSocketMessageType.Text, true, default);
                    }

                    if (_peers[i].State == WebSocketState.Open)
                    {
                        await {|WS3001:_peers[i + 1].SendAsync(data, WebSocketMessageType.Text, true, default)|};
                    }
                }

                if (_peers[0].State != WebSocketState.Open)
                {
                    return;
                }

                await _peers[0].SendAsync(data, WebSocketMessageType.Text, true, default);
                await {|WS3001:_peers[1].SendAsync(data, WebSocketMessageType.Text, true, default)|};

                if (_players[id].Socket.State == WebSocketState.Open)
                {
                    await _players[id].Socket.SendAsync(data, WebSocketMessageType.Text, true, default);
                }
            }

            public async Task OtherIndexAsync(byte[] data, int i, int j)
            {
                if (_peers[i].State == WebSocketState.Open)
                {
                    await {|WS3001:_peers[j].SendAsync(data, WebSocketMessageType.Text, true, default)|};
                }
            }
        }
        """);

    [Fact]
    public Task A_socket_parameter_in_a_long_lived_loop_is_not_a_one_shot_helper() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Heartbeats
        {
            public static void Heartbeat(WebSocketSharp.WebSocket ws, int ms)
            {
                while (true)
                {
                    Thread.Sleep(ms);
                    {|WS3001:ws.Send("ping")|};
                }
            }

            public static async Task PingAsync(WebSocket ws, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await Task.Delay(1000, ct);
                    await {|WS3001:ws.SendAsync(Encoding.UTF8.GetBytes("ping"), WebSocketMessageType.Text, true, ct)|};
                }
            }

            public static async Task TickAsync(WebSocket ws, PeriodicTimer timer)
            {
                while (await timer.WaitForNextTickAsync())
                {
                    await {|WS3001:ws.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default)|};
                }
            }

            public static async Task PumpAsync(WebSocket ws, System.Threading.Channels.ChannelReader<byte[]> outbox)
            {
                for (;;)
                {
                    var message = await outbox.ReadAsync();
                    await {|WS3001:ws.SendAsync(message, WebSocketMessageType.Binary, true, default)|};
                }
            }
        }
        """);

    [Fact]
    public Task One_shot_send_helpers_and_checked_heartbeats_stay_exempt() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Helpers
        {
            public static async Task SendChunksAsync(WebSocket ws, IEnumerable<byte[]> chunks)
            {
                foreach (var chunk in chunks)
                {
                    await ws.SendAsync(chunk, WebSocketMessageType.Binary, false, default);
                }

                for (var attempt = 0; attempt < 3; attempt++)
                {
                    await ws.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default);
                }
            }

            public static async Task PingWhileOpenAsync(WebSocket ws)
            {
                while (ws.State == WebSocketState.Open)
                {
                    await Task.Delay(1000);
                    await ws.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default);
                }
            }

            public static async Task PingCarefullyAsync(WebSocket ws)
            {
                while (true)
                {
                    await Task.Delay(1000);
                    try
                    {
                        await ws.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default);
                    }
                    catch (WebSocketException)
                    {
                        return;
                    }
                }
            }

            public static async Task EchoAsync(WebSocket ws)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await ws.ReceiveAsync(buffer, default);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    await ws.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default);
                }
            }
        }
        """);

    [Fact]
    public Task An_endless_send_loop_outlives_the_accept_or_connect_before_it() => Verify.VerifyAnalyzerAsync(Usings + """
        class Endpoints
        {
            public async Task ClockAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
                await webSocket.SendAsync(Encoding.ASCII.GetBytes("hello"), WebSocketMessageType.Text, true, CancellationToken.None);
                while (true)
                {
                    await {|WS3001:webSocket.SendAsync(Encoding.ASCII.GetBytes(DateTime.Now.ToString()), WebSocketMessageType.Text, true, CancellationToken.None)|};
                    await Task.Delay(1000);
                }
            }

            public async Task TickerAsync(Uri uri)
            {
                using var client = new ClientWebSocket();
                await client.ConnectAsync(uri, default);
                for (;;)
                {
                    await Task.Delay(5000);
                    await {|WS3001:client.SendAsync(Encoding.UTF8.GetBytes("tick"), WebSocketMessageType.Text, true, default)|};
                }
            }

            public async Task ReconnectingAsync(Uri uri)
            {
                while (true)
                {
                    using var client = new ClientWebSocket();
                    await client.ConnectAsync(uri, default);
                    await client.SendAsync(Encoding.UTF8.GetBytes("subscribe"), WebSocketMessageType.Text, true, default);
                    await Task.Delay(5000);
                }
            }
        }
        """);

    [Fact]
    public Task A_behaviors_own_context_socket_in_its_open_or_message_handler_is_its_own_connection() => Verify.VerifyAnalyzerAsync(Usings + """
        class Board : WebSocketSharp.Server.WebSocketBehavior
        {
            private static readonly List<WebSocketSharp.WebSocket> Others = new();

            protected override void OnOpen()
            {
                Others.Add(Context.WebSocket);
                Context.WebSocket.Send("idClient|" + Others.Count);
                {|WS3001:Others[0].Send("joined")|};
            }

            protected override void OnMessage(WebSocketSharp.MessageEventArgs e) => Context.WebSocket.Send("ack");

            public void Push(string text) => {|WS3001:Context.WebSocket.Send(text)|};
        }
        """);

    private static readonly string AspNetWebSocketContext =
        TestEnvironment.StandIns.Any(s => s.Source.Contains("namespace System.Web.WebSockets", StringComparison.Ordinal))
            ? ""
            : """

              namespace System.Web.WebSockets
              {
                  public abstract class AspNetWebSocketContext
                  {
                      public virtual System.Net.WebSockets.WebSocket WebSocket => null!;
                  }
              }
              """;

    [Fact]
    public Task A_send_in_the_classic_ASP_NET_accept_callback_follows_the_accept() => Verify.VerifyAnalyzerAsync(Usings + """
        using System.Web.WebSockets;

        class Notifications
        {
            private async Task ProcessRequestAsync(AspNetWebSocketContext context)
            {
                WebSocket socket = context.WebSocket;
                await socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes("hello")), WebSocketMessageType.Text, true, CancellationToken.None);
                await context.WebSocket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes("again")), WebSocketMessageType.Text, true, CancellationToken.None);
            }

            private async Task StreamAsync(AspNetWebSocketContext context)
            {
                var socket = context.WebSocket;
                while (true)
                {
                    await Task.Delay(1000);
                    await {|WS3001:socket.SendAsync(new ArraySegment<byte>(Encoding.UTF8.GetBytes("tick")), WebSocketMessageType.Text, true, CancellationToken.None)|};
                }
            }
        }
        """ + AspNetWebSocketContext);

    [Fact]
    public Task A_private_helper_whose_every_caller_checks_the_state_is_guarded() => Verify.VerifyAnalyzerAsync(Usings + """
        class Pulse
        {
            private ClientWebSocket? _client;
            private readonly byte[] _scope = new byte[4];

            public async Task ConnectAsync(Uri uri)
            {
                _client = new ClientWebSocket();
                await _client.ConnectAsync(uri, default);
                if (_client.State == WebSocketState.Open)
                {
                    await SubscribeAsync();
                }
            }

            public async Task ResubscribeAsync()
            {
                if (_client is { State: WebSocketState.Open })
                {
                    await SubscribeAsync();
                }
            }

            private async Task SubscribeAsync()
            {
                if (_client == null) return;
                await _client.SendAsync(_scope, WebSocketMessageType.Text, true, default);
            }
        }

        class Careless
        {
            private readonly ClientWebSocket _client = new();

            public async Task GoAsync()
            {
                if (_client.State == WebSocketState.Open)
                {
                    await PingAsync();
                }
            }

            public Task AgainAsync() => PingAsync();

            public void Schedule() => _ = Task.Run(PongAsync);

            public async Task OpenAsync()
            {
                if (_client.State == WebSocketState.Open)
                {
                    await PongAsync();
                    await NotifyAsync();
                }
            }

            private async Task PingAsync() => await {|WS3001:_client.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default)|};

            private async Task PongAsync() => await {|WS3001:_client.SendAsync(new byte[2], WebSocketMessageType.Binary, true, default)|};

            public async Task NotifyAsync() => await {|WS3001:_client.SendAsync(new byte[3], WebSocketMessageType.Binary, true, default)|};
        }
        """);

    [Fact]
    public Task A_returned_callback_sends_without_a_check() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Forwarders
        {
            public static Action<string> Create(WebSocket ws) =>
                message => {|WS3001:ws.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default)|};

            public static Func<string, Task> CreateChecked(WebSocket ws) =>
                message => ws.State == WebSocketState.Open
                    ? ws.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default)
                    : Task.CompletedTask;
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
    public Task Fix_gives_expression_bodies_and_returned_sends_a_state_check() => Verify.VerifyCodeFixAsync(Usings + """
        class Relay
        {
            private readonly List<WebSocketSharp.WebSocket> _feeds = new();
            private readonly WebSocket _socket;
            private readonly WebSocket[] _peers = new WebSocket[2];
            private Timer? _timer;

            public Relay(WebSocket socket) => _socket = socket;

            public void Publish(string text) => _feeds.ForEach(feed => {|WS3001:feed.Send(text)|});

            public void Start() => _timer = new Timer(async _ => await {|WS3001:_socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default)|}, null, 0, 1000);

            public void Reply(string text) => {|WS3001:_socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default)|};

            public Task ForwardAsync(byte[] chunk, CancellationToken ct)
            {
                ct.ThrowIfCancellationRequested();
                return {|WS3001:_socket.SendAsync(new ArraySegment<byte>(chunk), WebSocketMessageType.Binary, true, ct)|};
            }

            public ValueTask EchoAsync(ReadOnlyMemory<byte> data) => {|WS3001:_peers[0].SendAsync(data, WebSocketMessageType.Binary, true, default)|};

            public Task PingAsync(bool force)
            {
                if (force)
                    return {|WS3001:_socket.SendAsync(new ArraySegment<byte>(new byte[1]), WebSocketMessageType.Binary, true, default)|};
                return Task.CompletedTask;
            }

            public void Queue(List<Task> pending, byte[] data)
            {
                pending.Add({|WS3001:_socket.SendAsync(new ArraySegment<byte>(data), WebSocketMessageType.Binary, true, default)|});
            }
        }
        """, Usings + """
        class Relay
        {
            private readonly List<WebSocketSharp.WebSocket> _feeds = new();
            private readonly WebSocket _socket;
            private readonly WebSocket[] _peers = new WebSocket[2];
            private Timer? _timer;

            public Relay(WebSocket socket) => _socket = socket;

            public void Publish(string text) => _feeds.ForEach(feed =>
            {
                if (feed.ReadyState == WebSocketSharp.WebSocketState.Open)
                {
                    feed.Send(text);
                }
            });

            public void Start() => _timer = new Timer(async _ =>
            {
                if (_socket.State == WebSocketState.Open)
                {
                    await _socket.SendAsync(new byte[1], WebSocketMessageType.Binary, true, default);
                }
            }, null, 0, 1000);

            public void Reply(string text)
            {
                if (_socket.State == WebSocketState.Open)
                {
                    _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);
                }
            }

            public Task ForwardAsync(byte[] chunk, CancellationToken ct)
            {
                ct.ThrowIfCancellationRequested();
                if (_socket.State == WebSocketState.Open)
                {
                    return _socket.SendAsync(new ArraySegment<byte>(chunk), WebSocketMessageType.Binary, true, ct);
                }

                return Task.CompletedTask;
            }

            public ValueTask EchoAsync(ReadOnlyMemory<byte> data)
            {
                if (_peers[0].State == WebSocketState.Open)
                {
                    return _peers[0].SendAsync(data, WebSocketMessageType.Binary, true, default);
                }

                return default;
            }

            public Task PingAsync(bool force)
            {
                if (force)
                {
                    if (_socket.State == WebSocketState.Open)
                    {
                        return _socket.SendAsync(new ArraySegment<byte>(new byte[1]), WebSocketMessageType.Binary, true, default);
                    }

                    return Task.CompletedTask;
                }
                return Task.CompletedTask;
            }

            public void Queue(List<Task> pending, byte[] data)
            {
                if (_socket.State == WebSocketState.Open)
                {
                    pending.Add(_socket.SendAsync(new ArraySegment<byte>(data), WebSocketMessageType.Binary, true, default));
                }
            }
        }
        """);

    [Fact]
    public Task Sends_kept_in_a_local_or_on_a_computed_socket_get_no_fix()
    {
        var source = Usings + """
            class Hub
            {
                private readonly List<WebSocket> _sockets = new();

                public Task SendFirstAsync(byte[] payload) => {|WS3001:_sockets[0].SendAsync(payload.AsMemory(), WebSocketMessageType.Text, true, default)|}.AsTask();

                public async Task SendLastAsync(byte[] payload)
                {
                    var pending = {|WS3001:_sockets[_sockets.Count - 1].SendAsync(payload, WebSocketMessageType.Text, true, default)|};
                    await pending;
                }

                public async Task SendToFirstOpenAsync(byte[] payload)
                {
                    await {|WS3001:Pick().SendAsync(payload, WebSocketMessageType.Text, true, default)|};
                }

                private WebSocket Pick() => _sockets[0];
            }
            """;
        var test = Verify.CreateTest(source, source);
        return test.RunAsync();
    }
}
