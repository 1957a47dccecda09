using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.ResourceBounds;
using WsAnalyzers.Core;
using WsAnalyzers.ResourceBounds;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.ResourceBounds;

public sealed class WS2002MessageHistoryUnboundedTests
{
    private static readonly RuleVerifier<ResourceBoundsAnalyzer, MessageHistoryUnboundedCodeFixProvider> Verify = new(RuleIdentifiers.MessageHistoryUnbounded);

    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.WebSockets;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.SignalR;

        """;

    /// <summary>WS2002 is reported at compilation end (a non-local diagnostic); IDEs offer fixes for those too.</summary>
    private static Task VerifyFixAsync(string source, string fixedSource)
    {
        var test = Verify.CreateTest(source, fixedSource);
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task A_history_appended_in_the_receive_loop_after_accept_is_a_history_not_a_connection_collection() => Verify.VerifyAnalyzerAsync(Usings + """
        class Endpoint
        {
            private static readonly List<string> {|WS2002:History|} = new();

            public async Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    History.Add(Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
            }
        }
        """);

    [Fact]
    public Task Histories_appended_from_every_kind_of_message_handler_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Server
        {
            private readonly List<string> {|WS2002:_received|} = new();
            private static readonly StringBuilder {|WS2002:Transcript|} = new();
            private readonly LinkedList<string> {|WS2002:_fleck|} = new();
            private readonly ConcurrentQueue<byte[]> {|WS2002:_sharp|} = new();

            public async Task ReceiveAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    _received.Add(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    Transcript.AppendLine("message");
                }
            }

            public void Wire(Fleck.IWebSocketConnection connection, WebSocketSharp.WebSocket sharp)
            {
                connection.OnMessage = message => _fleck.AddLast(message);
                sharp.OnMessage += (sender, e) => _sharp.Enqueue(e.RawData);
            }
        }

        class Clients
        {
            private readonly List<string> {|WS2002:_rx|} = new();
            private readonly List<string> {|WS2002:_signalR|} = new();

            public void Wire(Websocket.Client.WebsocketClient client, Microsoft.AspNetCore.SignalR.Client.HubConnection connection)
            {
                client.MessageReceived.Subscribe(message => _rx.Add(message.Text ?? ""));
                Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.On<string>(connection, "message", text => _signalR.Add(text));
            }
        }

        class ChatHub : Hub
        {
            private static readonly Queue<string> {|WS2002:History|} = new();

            public Task Send(string message)
            {
                History.Enqueue(message);
                return Clients.All.SendAsync("message", message);
            }
        }

        class Behavior : WebSocketSharp.Server.WebSocketBehavior
        {
            private static readonly List<string> {|WS2002:Log|} = new();

            protected override void OnMessage(WebSocketSharp.MessageEventArgs e) => Log.Add(e.Data);
        }
        """);

    [Fact]
    public Task Capped_trimmed_or_cleared_histories_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class ChatHub : Hub
        {
            private const int Limit = 100;
            private static readonly Queue<string> Capped = new();
            private static readonly List<string> Trimmed = new();
            private static readonly StringBuilder Cleared = new();
            private static readonly LinkedList<string> Ring = new();
            private static List<string> Replaced = new();

            public void Send(string message)
            {
                Capped.Enqueue(message);
                if (Capped.Count > Limit) Capped.Dequeue();

                Trimmed.Add(message);
                if (Trimmed.Count > Limit) Trimmed.RemoveRange(0, Trimmed.Count - Limit);

                Cleared.Append(message);
                if (Cleared.Length > 4096) Cleared.Length = 0;

                Ring.AddLast(message);
                while (Ring.Count > Limit) Ring.RemoveFirst();

                Replaced.Add(message);
            }

            public void Reset() => Replaced = new List<string>();
        }

        class Bounded
        {
            // a ring buffer over an array is bounded by construction
            private static readonly string[] Buffer = new string[64];
            private static int _next;
            // appended outside any message handler
            private static readonly List<string> Audit = new();

            public void Wire(Fleck.IWebSocketConnection connection) =>
                connection.OnMessage = message => Buffer[_next++ % Buffer.Length] = message;

            public void Record(string entry) => Audit.Add(entry);
        }

        class Session
        {
            // a local buffer per receive loop dies with the loop
            public async Task ReceiveAsync(WebSocket socket)
            {
                var parts = new List<string>();
                var result = await socket.ReceiveAsync(new byte[16], CancellationToken.None);
                while (!result.CloseStatus.HasValue)
                {
                    parts.Add("part");
                    result = await socket.ReceiveAsync(new byte[16], CancellationToken.None);
                }
            }
        }
        """);

    [Fact]
    public Task An_add_that_runs_only_below_a_limit_is_a_cap() => Verify.VerifyAnalyzerAsync(Usings + """
        class Lobby : Hub
        {
            private const int Max = 100;
            private static readonly List<string> Names = new();
            private static readonly Queue<string> Recent = new();
            private static readonly List<string> Joined = new();
            private static readonly StringBuilder Notes = new();
            private static readonly LinkedList<string> Ordered = new();

            public Task Join(string name)
            {
                lock (Names)
                {
                    if (Names.Count >= Max)
                    {
                        return Clients.Caller.SendAsync("full");
                    }
                    else
                    {
                        Names.Add(name);
                    }
                }

                if (Recent.Count < Max && name.Length > 0) Recent.Enqueue(name);
                if (!(System.Linq.Enumerable.Count(Joined) >= Max)) Joined.Add(name);
                return Clients.All.SendAsync("joined", name);
            }

            public void Note(string text)
            {
                if (text == null || Notes.Length > 4096)
                {
                    return;
                }

                Notes.Append(text);
                if (Max > Ordered.Count)
                {
                    Ordered.AddLast(text);
                }
            }
        }
        """);

    [Fact]
    public Task A_message_handler_a_constructor_registers_grows_the_history_but_the_constructor_own_adds_are_set_up() =>
        Verify.VerifyAnalyzerAsync(Usings + """
        class QuoteFeed
        {
            private readonly List<string> {|WS2002:_inbox|} = new();
            private readonly List<string> _seeded = new();
            private readonly WebSocketSharp.WebSocket _socket;

            public QuoteFeed(string url, string[] seed)
            {
                _socket = new WebSocketSharp.WebSocket(url);
                _socket.OnMessage += (sender, e) => _inbox.Add(e.Data);
                foreach (var line in seed)
                {
                    _seeded.Add(line);
                }
            }

            public string Latest => _inbox[_inbox.Count - 1] + _seeded[0];
        }
        """);

    [Fact]
    public Task A_guard_on_something_else_is_not_a_cap() => Verify.VerifyAnalyzerAsync(Usings + """
        class Lobby : Hub
        {
            private const int Max = 100;
            private static readonly List<string> {|WS2002:Names|} = new();
            private static readonly List<string> {|WS2002:Other|} = new();
            private static readonly Queue<string> {|WS2002:Wrong|} = new();
            private static readonly List<string> {|WS2002:Half|} = new();

            public void Join(string name)
            {
                if (name != null) Names.Add(name);
                if (Names.Count < Max) Other.Add(name!);
                if (Wrong.Count > Max) Wrong.Enqueue(name!);
                if (Half.Count >= Max) return;
                Half.Add(name!);
            }

            public void JoinAgain(string name) => Half.Add(name);
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_break_the_analyzer()
    {
        var test = Verify.CreateTest(Usings + """
            class Broken : Hub
            {
                private static readonly List<string> History = new(

                public void Send(string message)
                {
                    History.Add(;
                    History.
                }
            }
            """, fixedSource: null);
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Clear();
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_All_caps_every_history_after_its_appends() => VerifyFixAsync(Usings + """
        class ChatHub : Hub
        {
            private static readonly List<string> {|WS2002:_messages|} = new();
            private static readonly Queue<string> {|WS2002:Recent|} = new();
            private static readonly StringBuilder {|WS2002:Transcript|} = new();
            private static readonly LinkedList<string> {|WS2002:s_linked|} = new();
            private static readonly ConcurrentQueue<string> {|WS2002:Pending|} = new();

            public void Send(string message)
            {
                lock (_messages)
                {
                    _messages.Add(message);
                }

                Recent.Enqueue(message);
                Transcript.Append(message);
                s_linked.AddLast(message);
                Pending.Enqueue(message);
            }
        }
        """, Usings + """
        class ChatHub : Hub
        {
            private const int MaxMessagesCount = 1000;
            private static readonly List<string> _messages = new();
            private const int MaxRecentCount = 1000;
            private static readonly Queue<string> Recent = new();
            private const int MaxTranscriptLength = 1024 * 1024;
            private static readonly StringBuilder Transcript = new();
            private const int MaxLinkedCount = 1000;
            private static readonly LinkedList<string> s_linked = new();
            private const int MaxPendingCount = 1000;
            private static readonly ConcurrentQueue<string> Pending = new();

            public void Send(string message)
            {
                lock (_messages)
                {
                    _messages.Add(message);
                    if (_messages.Count > MaxMessagesCount)
                    {
                        _messages.RemoveRange(0, _messages.Count - MaxMessagesCount);
                    }
                }

                Recent.Enqueue(message);
                while (Recent.Count > MaxRecentCount)
                {
                    Recent.Dequeue();
                }
                Transcript.Append(message);
                if (Transcript.Length > MaxTranscriptLength)
                {
                    Transcript.Remove(0, Transcript.Length - MaxTranscriptLength);
                }
                s_linked.AddLast(message);
                while (s_linked.Count > MaxLinkedCount)
                {
                    s_linked.RemoveFirst();
                }
                Pending.Enqueue(message);
                while (Pending.Count > MaxPendingCount)
                {
                    Pending.TryDequeue(out _);
                }
            }
        }
        """);
}
