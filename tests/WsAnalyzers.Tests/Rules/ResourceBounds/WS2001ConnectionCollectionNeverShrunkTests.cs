using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.ResourceBounds;
using WsAnalyzers.Core;
using WsAnalyzers.ResourceBounds;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.ResourceBounds;

public sealed class WS2001ConnectionCollectionNeverShrunkTests
{
    private static readonly RuleVerifier<ResourceBoundsAnalyzer, ConnectionCollectionNeverShrunkCodeFixProvider> Verify = new(RuleIdentifiers.ConnectionCollectionNeverShrunk);

    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.SignalR;

        """;

    /// <summary>WS2001 is reported at compilation end (a non-local diagnostic); IDEs offer fixes for those too.</summary>
    private static Task VerifyFixAsync(string source, string fixedSource)
    {
        var test = Verify.CreateTest(source, fixedSource);
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task Collections_of_every_connection_api_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Registry
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> {|WS2001:_sockets|} = new();
            private static readonly HashSet<Fleck.IWebSocketConnection> {|WS2001:Fleck|} = new();
            private readonly LinkedList<WebSocketSharp.WebSocket> {|WS2001:_sharp|} = new();
            private static ConcurrentBag<WebSocket> {|WS2001:Bag|} { get; } = new();
            private readonly ConcurrentQueue<WebSocket> {|WS2001:_queue|} = new();

            public void Register(WebSocket socket, Fleck.IWebSocketConnection connection, WebSocketSharp.WebSocket sharp)
            {
                _sockets[Guid.NewGuid()] = socket;
                Fleck.Add(connection);
                _sharp.AddLast(sharp);
                Bag.Add(socket);
                _queue.Enqueue(socket);
            }
        }
        """);

    [Fact]
    public Task Appends_inside_the_receive_loop_are_per_message_not_per_connection() => Verify.VerifyAnalyzerAsync(Usings + """
        class Endpoint
        {
            private static readonly List<string> History = new();

            public async Task HandleAsync(Microsoft.AspNetCore.Http.HttpContext context)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None);
                    History.Add(System.Text.Encoding.UTF8.GetString(buffer, 0, result.Count));
                }
            }
        }
        """);

    [Fact]
    public Task Collections_filled_on_a_connection_open_path_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class ChatHub : Hub
        {
            private static readonly ConcurrentDictionary<string, string> {|WS2001:Users|} = new();
            private static readonly List<string> {|WS2001:Joined|} = new();

            public override Task OnConnectedAsync()
            {
                Users[Context.ConnectionId] = Context.UserIdentifier ?? "anonymous";
                Joined.Add(DateTime.UtcNow.ToString("O"));
                return base.OnConnectedAsync();
            }
        }

        class Behavior : WebSocketSharp.Server.WebSocketBehavior
        {
            private static readonly Dictionary<string, DateTime> {|WS2001:OpenedAt|} = new();

            protected override void OnOpen() => OpenedAt.Add(ID, DateTime.UtcNow);
        }

        class FleckServer
        {
            private readonly Dictionary<Guid, string> {|WS2001:_origins|} = new();

            public void Start() => new Fleck.WebSocketServer("ws://0.0.0.0:8181").Start(socket =>
            {
                socket.OnOpen = () => _origins[socket.ConnectionInfo.Id] = socket.ConnectionInfo.Origin;
            });
        }
        """);

    [Fact]
    public Task Top_level_collection_captured_by_an_endpoint_is_flagged()
    {
        var test = Verify.CreateTest("""
            using System.Collections.Generic;
            using System.Net.WebSockets;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;

            var app = WebApplication.Create();
            var {|WS2001:clients|} = new List<WebSocket>();
            app.Map("/ws", async (HttpContext context) =>
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                clients.Add(socket);
                await socket.ReceiveAsync(new byte[16], context.RequestAborted);
            });
            app.Run();
            """, fixedSource: null);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Every_kind_of_removal_counts() => Verify.VerifyAnalyzerAsync(Usings + """
        class Removals
        {
            private readonly List<WebSocket> _list = new();
            private readonly HashSet<WebSocket> _set = new();
            private readonly ConcurrentDictionary<string, WebSocket> _map = new();
            private readonly ConcurrentBag<WebSocket> _bag = new();
            private readonly Queue<WebSocket> _queue = new();
            private readonly ConcurrentQueue<WebSocket> _concurrentQueue = new();
            private List<WebSocket> _replaced = new();
            private List<WebSocket> _exchanged = new();
            private readonly Dictionary<string, WebSocket> _cleared = new();

            public void Add(WebSocket socket)
            {
                _list.Add(socket); _set.Add(socket); _map.TryAdd("a", socket); _bag.Add(socket); _queue.Enqueue(socket);
                _concurrentQueue.Enqueue(socket); _replaced.Add(socket); _exchanged.Add(socket); _cleared["a"] = socket;
            }

            public void Shrink()
            {
                _list.RemoveAll(s => s.State != WebSocketState.Open);
                _set.RemoveWhere(s => s.State != WebSocketState.Open);
                _map.TryRemove("a", out _);
                _bag.TryTake(out _);
                _queue.Dequeue();
                _concurrentQueue.TryDequeue(out _);
                _replaced = new List<WebSocket>();
                Interlocked.Exchange(ref _exchanged, new List<WebSocket>());
                _cleared.Clear();
            }
        }
        """);

    [Fact]
    public Task Removal_in_another_type_of_the_compilation_counts() => Verify.VerifyAnalyzerAsync(Usings + """
        class Registry
        {
            internal static readonly List<WebSocket> Sockets = new();

            public async Task HandleAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                Sockets.Add(socket);
            }
        }

        class Sweeper
        {
            public void Sweep() => Registry.Sockets.RemoveAll(s => s.State != WebSocketState.Open);
        }
        """);

    [Fact]
    public Task Collections_handed_to_other_code_are_not_judged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Registry
        {
            private readonly List<WebSocket> _sockets = new();
            private readonly List<WebSocket> _aliased = new();

            public void Add(WebSocket socket)
            {
                _sockets.Add(socket);
                _aliased.Add(socket);
                Cleaner.Sweep(_sockets);
                var alias = _aliased;
                alias.Clear();
            }
        }

        static class Cleaner
        {
            public static void Sweep(List<WebSocket> sockets) => sockets.Clear();
        }
        """);

    [Fact]
    public Task Look_alikes_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Orders
        {
            // not connections, not filled when a connection opens
            private static readonly List<string> Names = new();
            private readonly Dictionary<int, string> _lookup = new();
            // filled once in the constructor
            private readonly List<WebSocket> _fixed = new();

            public Orders(WebSocket socket) => _fixed.Add(socket);

            public void Add(string name) { Names.Add(name); _lookup[name.Length] = name; }
        }

        class ChatHub : Hub
        {
            // a hub instance lives for one call: its instance fields die with it
            private readonly List<string> _perCall = new();

            public override Task OnConnectedAsync()
            {
                _perCall.Add(Context.ConnectionId);
                return base.OnConnectedAsync();
            }
        }

        class Cache
        {
            private readonly ConcurrentDictionary<string, WebSocket> _byUser = new();

            public void Add(string user, WebSocket socket) => _byUser[user] = socket;

            public void Evict(string user) => _byUser.TryRemove(user, out _);
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_break_the_analyzer()
    {
        var test = Verify.CreateTest(Usings + """
            class Broken
            {
                private readonly List<WebSocket> _sockets = new(

                public async Task HandleAsync(HttpContext context)
                {
                    var socket = await context.WebSockets.AcceptWebSocketAsync(
                    _sockets.Add(;
                    _sockets[] = socket;
                    Unknown.Add(socket);
                }
            }
            """, fixedSource: null);
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Clear();
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_adds_the_removal_in_a_finally_around_the_connection() => VerifyFixAsync(Usings + """
        class Registry
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> {|WS2001:_sockets|} = new();

            public async Task HandleAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                var id = Guid.NewGuid();
                _sockets.TryAdd(id, socket);
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    await socket.ReceiveAsync(buffer, CancellationToken.None);
                }
            }
        }
        """, Usings + """
        class Registry
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();

            public async Task HandleAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                var id = Guid.NewGuid();
                _sockets.TryAdd(id, socket);
                try
                {
                    var buffer = new byte[1024];
                    while (socket.State == WebSocketState.Open)
                    {
                        await socket.ReceiveAsync(buffer, CancellationToken.None);
                    }
                }
                finally
                {
                    _sockets.TryRemove(id, out _);
                }
            }
        }
        """);

    [Fact]
    public Task Fix_All_adds_OnDisconnectedAsync_and_OnClose() => VerifyFixAsync(Usings + """
        #nullable enable
        class ChatHub : Hub
        {
            private static readonly ConcurrentDictionary<string, string> {|WS2001:Users|} = new();
            private static readonly HashSet<string> {|WS2001:Online|} = new();

            public override Task OnConnectedAsync()
            {
                Users[Context.ConnectionId] = Context.UserIdentifier ?? "anonymous";
                Online.Add(Context.ConnectionId);
                return base.OnConnectedAsync();
            }
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            private static readonly Dictionary<string, Chat> {|WS2001:Sessions|} = new();

            protected override void OnOpen() => Sessions.Add(ID, this);
        }

        class FleckChat
        {
            private readonly List<Fleck.IWebSocketConnection> {|WS2001:_all|} = new();

            public void Start()
            {
                new Fleck.WebSocketServer("ws://0.0.0.0:8181").Start(socket =>
                {
                    socket.OnOpen = () => _all.Add(socket);
                });
            }
        }
        """, Usings + """
        #nullable enable
        class ChatHub : Hub
        {
            private static readonly ConcurrentDictionary<string, string> Users = new();
            private static readonly HashSet<string> Online = new();

            public override Task OnConnectedAsync()
            {
                Users[Context.ConnectionId] = Context.UserIdentifier ?? "anonymous";
                Online.Add(Context.ConnectionId);
                return base.OnConnectedAsync();
            }

            public override Task OnDisconnectedAsync(Exception? exception)
            {
                Online.Remove(Context.ConnectionId);
                Users.TryRemove(Context.ConnectionId, out _);
                return base.OnDisconnectedAsync(exception);
            }
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            private static readonly Dictionary<string, Chat> Sessions = new();

            protected override void OnOpen() => Sessions.Add(ID, this);

            protected override void OnClose(WebSocketSharp.CloseEventArgs e)
            {
                Sessions.Remove(ID);
                base.OnClose(e);
            }
        }

        class FleckChat
        {
            private readonly List<Fleck.IWebSocketConnection> _all = new();

            public void Start()
            {
                new Fleck.WebSocketServer("ws://0.0.0.0:8181").Start(socket =>
                {
                    socket.OnOpen = () => _all.Add(socket);
                    socket.OnClose = () => _all.Remove(socket);
                });
            }
        }
        """);

    [Fact]
    public Task A_ConcurrentBag_becomes_a_dictionary_used_as_a_set_and_loses_the_socket_in_finally() =>
        VerifyFixAsync(
            Usings + """
            class Registry
            {
                private readonly ConcurrentBag<WebSocket> {|WS2001:_sockets|} = new();

                public int Count => _sockets.Count;

                public async Task HandleAsync(HttpContext context)
                {
                    var socket = await context.WebSockets.AcceptWebSocketAsync();
                    _sockets.Add(socket);
                    await socket.ReceiveAsync(new byte[16], CancellationToken.None);
                }

                public async Task BroadcastAsync(byte[] bytes)
                {
                    foreach (var socket in _sockets)
                    {
                        await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
                    }
                }
            }
            """,
            Usings + """
            class Registry
            {
                private readonly ConcurrentDictionary<WebSocket, byte> _sockets = new();

                public int Count => _sockets.Count;

                public async Task HandleAsync(HttpContext context)
                {
                    var socket = await context.WebSockets.AcceptWebSocketAsync();
                    _sockets.TryAdd(socket, 0);
                    try
                    {
                        await socket.ReceiveAsync(new byte[16], CancellationToken.None);
                    }
                    finally
                    {
                        _sockets.TryRemove(socket, out _);
                    }
                }

                public async Task BroadcastAsync(byte[] bytes)
                {
                    foreach (var socket in _sockets.Keys)
                    {
                        await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
                    }
                }
            }
            """);

    [Fact]
    public Task Shapes_without_a_safe_removal_get_no_fix()
    {
        var source = Usings + """
            class Registry
            {
                // ToArray has no counterpart on a dictionary's keys that returns the same type: the bag stays a bag
                private readonly ConcurrentBag<WebSocket> {|WS2001:_sockets|} = new();

                public WebSocket[] Snapshot() => _sockets.ToArray();

                public async Task HandleAsync(HttpContext context)
                {
                    var socket = await context.WebSockets.AcceptWebSocketAsync();
                    _sockets.Add(socket);
                    await socket.ReceiveAsync(new byte[16], CancellationToken.None);
                }
            }

            class Undo
            {
                // a stack cannot give up one given socket, and it is no dictionary to search by value
                private static readonly ConcurrentStack<WebSocket> {|WS2001:Sockets|} = new();

                public async Task HandleAsync(HttpContext context)
                {
                    var socket = await context.WebSockets.AcceptWebSocketAsync();
                    Sockets.Push(socket);
                    await socket.ReceiveAsync(new byte[16], CancellationToken.None);
                }
            }
            """;
        return VerifyFixAsync(source, source);
    }
}
