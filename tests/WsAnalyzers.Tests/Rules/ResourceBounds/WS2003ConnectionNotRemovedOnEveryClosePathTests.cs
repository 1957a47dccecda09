using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.ResourceBounds;
using WsAnalyzers.Core;
using WsAnalyzers.ResourceBounds;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.ResourceBounds;

public sealed class WS2003ConnectionNotRemovedOnEveryClosePathTests
{
    private static readonly RuleVerifier<ResourceBoundsAnalyzer, ConnectionNotRemovedOnEveryClosePathCodeFixProvider> Verify = new(RuleIdentifiers.ConnectionNotRemovedOnEveryClosePath);

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

    /// <summary>WS2003 is reported at compilation end (a non-local diagnostic); IDEs offer fixes for those too.</summary>
    private static Task VerifyFixAsync(string source, string fixedSource)
    {
        var test = Verify.CreateTest(source, fixedSource);
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task Removal_after_the_loop_or_only_on_the_clean_close_branch_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Registry
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();
            private readonly List<WebSocket> _list = new();

            public async Task AfterLoopAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                var id = Guid.NewGuid();
                {|WS2003:_sockets.TryAdd(id, socket)|};
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    await socket.ReceiveAsync(buffer, CancellationToken.None);
                }

                _sockets.TryRemove(id, out _);
            }

            public async Task CleanCloseOnlyAsync(WebSocket socket)
            {
                {|WS2003:_list.Add(socket)|};
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _list.Remove(socket);
                        break;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Hub_behavior_and_Fleck_without_a_removal_on_close_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class ChatHub : Hub
        {
            private static readonly ConcurrentDictionary<string, string> Users = new();

            public override Task OnConnectedAsync()
            {
                {|WS2003:Users[Context.ConnectionId] = "x"|};
                return base.OnConnectedAsync();
            }

            public void Leave() => Users.TryRemove(Context.ConnectionId, out _);
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            private static readonly Dictionary<string, Chat> Sessions = new();

            protected override void OnOpen() => {|WS2003:Sessions.Add(ID, this)|};

            protected override void OnError(WebSocketSharp.ErrorEventArgs e) => Sessions.Remove(ID);
        }

        class FleckChat
        {
            private readonly List<Fleck.IWebSocketConnection> _all = new();

            public void Start() => new Fleck.WebSocketServer("ws://0.0.0.0:8181").Start(socket =>
            {
                socket.OnOpen = () => {|WS2003:_all.Add(socket)|};
                socket.OnError = _ => _all.Remove(socket);
            });
        }
        """);

    [Fact]
    public Task Removal_on_every_path_is_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Registry
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();
            private readonly List<WebSocket> _caught = new();
            private readonly List<WebSocket> _swept = new();

            public async Task InFinallyAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                var id = Guid.NewGuid();
                _sockets.TryAdd(id, socket);
                try
                {
                    await socket.ReceiveAsync(new byte[16], CancellationToken.None);
                }
                finally
                {
                    _sockets.TryRemove(id, out _);
                }
            }

            public async Task AfterCatchAllAsync(WebSocket socket)
            {
                _caught.Add(socket);
                try
                {
                    await socket.ReceiveAsync(new byte[16], CancellationToken.None);
                }
                catch (Exception)
                {
                }

                _caught.Remove(socket);
            }

            // registered here, swept elsewhere (a periodic cleanup): the paths of this function are not judged
            public void Register(WebSocket socket) => _swept.Add(socket);

            public void Sweep() => _swept.RemoveAll(s => s.State != WebSocketState.Open);
        }

        class NeverRemoved
        {
            // no removal at all: WS2001 reports this one, not WS2003
            private readonly List<WebSocket> _sockets = new();

            public async Task HandleAsync(WebSocket socket)
            {
                _sockets.Add(socket);
                await socket.ReceiveAsync(new byte[16], CancellationToken.None);
            }
        }

        class ChatHub : Hub
        {
            private static readonly ConcurrentDictionary<string, string> Users = new();
            private static readonly ConnectionTracker Tracker = new();

            public override Task OnConnectedAsync()
            {
                Users[Context.ConnectionId] = "x";
                Tracker.Add(Context.ConnectionId);
                return base.OnConnectedAsync();
            }

            public override Task OnDisconnectedAsync(Exception exception)
            {
                Users.TryRemove(Context.ConnectionId, out _);
                Tracker.Remove(Context.ConnectionId);
                return base.OnDisconnectedAsync(exception);
            }
        }

        class ConnectionTracker
        {
            private readonly HashSet<string> _ids = new();

            public void Add(string id) { lock (_ids) _ids.Add(id); }

            public void Remove(string id) { lock (_ids) _ids.Remove(id); }
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            private static readonly Dictionary<string, Chat> Sessions = new();

            protected override void OnOpen() => Sessions.Add(ID, this);

            protected override void OnClose(WebSocketSharp.CloseEventArgs e) => Forget();

            private void Forget() => Sessions.Remove(ID);
        }

        class FleckChat
        {
            private readonly List<Fleck.IWebSocketConnection> _all = new();

            public void Start() => new Fleck.WebSocketServer("ws://0.0.0.0:8181").Start(socket =>
            {
                socket.OnOpen = () => _all.Add(socket);
                socket.OnClose = () => _all.Remove(socket);
            });
        }
        """);

    [Fact]
    public Task Registered_in_one_function_and_removed_after_the_loop_of_a_helper_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        static class Handler
        {
            private static readonly ConcurrentDictionary<string, WebSocket> Sockets = new();

            public static async Task HandleAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                var id = Guid.NewGuid().ToString();
                {|WS2003:Sockets[id] = socket|};
                await ReceiveAsync(socket, id);
            }

            private static async Task ReceiveAsync(WebSocket socket, string id)
            {
                var buffer = new byte[1024];
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                while (!result.CloseStatus.HasValue)
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                }

                Sockets.TryRemove(id, out _);
                await socket.CloseAsync(result.CloseStatus.Value, result.CloseStatusDescription, CancellationToken.None);
            }
        }

        class HelperGetsTheList
        {
            private readonly List<WebSocket> _sockets = new();

            public async Task HandleAsync(System.Net.HttpListenerContext context)
            {
                var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                lock (_sockets)
                {
                    {|WS2003:_sockets.Add(socket)|};
                }

                await EchoAsync(socket, _sockets);
            }

            private static async Task EchoAsync(WebSocket socket, List<WebSocket> all)
            {
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    await socket.ReceiveAsync(buffer, CancellationToken.None);
                }

                lock (all)
                {
                    all.Remove(socket);
                }
            }
        }
        """);

    [Fact]
    public Task Registered_through_a_registry_and_removed_only_on_a_clean_end_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        record Peer(string Name, WebSocket Socket);

        class PeerRegistry
        {
            private readonly Dictionary<Guid, Peer> _peers = new();

            public Guid Add(Peer peer)
            {
                var id = Guid.NewGuid();
                lock (_peers) _peers[id] = peer;
                return id;
            }

            public void Remove(Guid id)
            {
                lock (_peers) _peers.Remove(id);
            }
        }

        class SocketManager
        {
            private readonly ConcurrentDictionary<string, WebSocket> _sockets = new();

            public void AddSocket(WebSocket socket) => _sockets.TryAdd(Guid.NewGuid().ToString(), socket);

            public void AddWithId(WebSocket socket, string game) => _sockets.TryAdd(game + Guid.NewGuid(), socket);

            public Task RemoveSocket(WebSocket socket)
            {
                foreach (var pair in _sockets)
                {
                    if (pair.Value == socket) _sockets.TryRemove(pair.Key, out _);
                }

                return Task.CompletedTask;
            }
        }

        class Games
        {
            private readonly SocketManager _manager = new();

            public Task<string> JoinAsync(WebSocket socket, string game)
            {
                _manager.AddWithId(socket, game);
                return Task.FromResult(game);
            }

            public Task LeaveAsync(WebSocket socket) => _manager.RemoveSocket(socket);
        }

        class Endpoints
        {
            private readonly PeerRegistry _registry = new();
            private readonly SocketManager _manager = new();
            private readonly Games _games = new();

            public async Task ChatAsync(HttpContext context, string name)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                var id = {|WS2003:_registry.Add(new Peer(name, socket))|};
                await LoopAsync(socket);
                _registry.Remove(id);
            }

            // the removal runs only when a Close message arrives
            public async Task CloseMessageOnlyAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                {|WS2003:_manager.AddSocket(socket)|};
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await _manager.RemoveSocket(socket);
                        break;
                    }
                }
            }

            // the removal runs only for one kind of failure
            public async Task FilteredCatchAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                {|WS2003:_manager.AddSocket(socket)|};
                try
                {
                    await LoopAsync(socket);
                }
                catch (WebSocketException)
                {
                    await _manager.RemoveSocket(socket);
                }
            }

            // registered two calls deep (JoinAsync, then AddWithId), removed after the helper's loop
            public async Task GameAsync(HttpContext context, string game)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                var joined = await {|WS2003:_games.JoinAsync(socket, game)|};
                await PlayAsync(socket, joined);
            }

            private async Task PlayAsync(WebSocket socket, string game)
            {
                await LoopAsync(socket);
                try
                {
                    await _games.LeaveAsync(socket);
                }
                catch (Exception)
                {
                }
            }

            private static async Task LoopAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    await socket.ReceiveAsync(buffer, CancellationToken.None);
                }
            }
        }
        """);

    [Fact]
    public Task A_lifetime_that_never_removes_when_the_removal_is_a_sweep_elsewhere_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Lobby
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();

            public async Task HandleAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                {|WS2003:_sockets.TryAdd(Guid.NewGuid(), socket)|};
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    await socket.ReceiveAsync(buffer, CancellationToken.None);
                }
            }

            // dead sockets leave only when someone broadcasts
            public async Task BroadcastAsync(ArraySegment<byte> message)
            {
                foreach (var pair in _sockets)
                {
                    if (pair.Value.State != WebSocketState.Open)
                    {
                        _sockets.TryRemove(pair.Key, out _);
                        continue;
                    }

                    await pair.Value.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
        }

        class AcceptLoop
        {
            private static readonly Dictionary<string, WebSocket> Clients = new();

            public async Task RunAsync(System.Net.HttpListener listener)
            {
                while (true)
                {
                    var context = await listener.GetContextAsync();
                    var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
                    var id = Guid.NewGuid().ToString();
                    lock (Clients) {|WS2003:Clients[id] = socket|};
                    _ = Task.Run(() => ServeAsync(id, socket));
                }
            }

            private static async Task ServeAsync(string id, WebSocket socket)
            {
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    await socket.ReceiveAsync(buffer, CancellationToken.None);
                }

                lock (Clients) Clients.Remove(id);
            }
        }
        """);

    [Fact]
    public Task A_removal_on_every_path_of_a_helper_or_caller_is_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        record Peer(string Name, WebSocket Socket);

        class PeerRegistry
        {
            private readonly Dictionary<Guid, Peer> _peers = new();

            public Guid Add(Peer peer)
            {
                var id = Guid.NewGuid();
                lock (_peers) _peers[id] = peer;
                return id;
            }

            public void Remove(Guid id)
            {
                lock (_peers) _peers.Remove(id);
            }

            // the registry removes in its own finally
            public async Task ServeAsync(Peer peer)
            {
                var id = Add(peer);
                try
                {
                    var buffer = new byte[1024];
                    while (peer.Socket.State == WebSocketState.Open)
                    {
                        await peer.Socket.ReceiveAsync(buffer, CancellationToken.None);
                    }
                }
                finally
                {
                    Remove(id);
                }
            }
        }

        class Endpoints
        {
            private static readonly ConcurrentDictionary<string, WebSocket> Sockets = new();
            private readonly PeerRegistry _registry = new();

            // the helper removes in finally
            public async Task HelperRemovesAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                var id = Guid.NewGuid().ToString();
                Sockets[id] = socket;
                await ReceiveAsync(socket, id);
            }

            // the caller wraps the helper in try/finally
            public async Task CallerRemovesAsync(HttpContext context, string name)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                var id = _registry.Add(new Peer(name, socket));
                try
                {
                    await LoopAsync(socket);
                }
                finally
                {
                    _registry.Remove(id);
                }
            }

            public async Task RegistryServesAsync(HttpContext context, string name)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                await _registry.ServeAsync(new Peer(name, socket));
            }

            // removed at the end of the try and in a catch-all
            public async Task TryAndCatchAllAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                var id = Guid.NewGuid().ToString();
                Sockets.TryAdd(id, socket);
                try
                {
                    await LoopAsync(socket);
                    Sockets.TryRemove(id, out _);
                }
                catch (Exception)
                {
                    Sockets.TryRemove(id, out _);
                    throw;
                }
            }

            // started, not awaited: the started code removes in finally
            public void Start(string id, WebSocket socket)
            {
                Sockets[id] = socket;
                _ = Task.Run(() => ReceiveAsync(socket, id));
            }

            private static async Task ReceiveAsync(WebSocket socket, string id)
            {
                try
                {
                    await LoopAsync(socket);
                }
                finally
                {
                    Sockets.TryRemove(id, out _);
                }
            }

            private static async Task LoopAsync(WebSocket socket)
            {
                var buffer = new byte[1024];
                while (socket.State == WebSocketState.Open)
                {
                    await socket.ReceiveAsync(buffer, CancellationToken.None);
                }
            }
        }

        class Manager
        {
            private readonly ConcurrentDictionary<string, WebSocket> _sockets = new();

            // a registration API: the lifetime and the removal are its callers' (none here), so it is not judged
            public void Register(string id, WebSocket socket) => _sockets[id] = socket;

            public void Unregister(string id) => _sockets.TryRemove(id, out _);

            // a handler that hands the manager no connection does not register one
            public async Task ResetAsync(WebSocket socket)
            {
                Prime();
                await socket.ReceiveAsync(new byte[16], CancellationToken.None);
            }

            private void Prime() => Register("probe", null!);
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_break_the_analyzer()
    {
        var test = Verify.CreateTest(Usings + """
            class Broken : Hub
            {
                private static readonly List<string> Ids = new();

                public override Task OnConnectedAsync()
                {
                    Ids.Add(Context.ConnectionId;
                    return base.OnConnectedAsync(
                }

                public override Task OnDisconnectedAsync(Exception e) => Ids.Remove(;
            }
            """, fixedSource: null);
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Clear();
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_moves_the_removal_into_a_finally() => VerifyFixAsync(Usings + """
        class Registry
        {
            private readonly List<WebSocket> _list = new();

            public async Task HandleAsync(WebSocket socket)
            {
                {|WS2003:_list.Add(socket)|};
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _list.Remove(socket);
                        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                        break;
                    }
                }
            }
        }
        """, Usings + """
        class Registry
        {
            private readonly List<WebSocket> _list = new();

            public async Task HandleAsync(WebSocket socket)
            {
                _list.Add(socket);
                try
                {
                    var buffer = new byte[1024];
                    while (true)
                    {
                        var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                        if (result.MessageType == WebSocketMessageType.Close)
                        {
                            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                            break;
                        }
                    }
                }
                finally
                {
                    _list.Remove(socket);
                }
            }
        }
        """);

    [Fact]
    public Task Fix_All_extends_OnDisconnectedAsync_OnClose_and_Fleck_OnClose() => VerifyFixAsync(Usings + """
        class ChatHub : Hub
        {
            private static readonly ConcurrentDictionary<string, string> Users = new();

            public override Task OnConnectedAsync()
            {
                {|WS2003:Users[Context.ConnectionId] = "x"|};
                return base.OnConnectedAsync();
            }

            public override Task OnDisconnectedAsync(Exception exception) => base.OnDisconnectedAsync(exception);

            public void Leave() => Users.TryRemove(Context.ConnectionId, out _);
        }

        class Chat : WebSocketSharp.Server.WebSocketBehavior
        {
            private static readonly Dictionary<string, Chat> Sessions = new();

            protected override void OnOpen() => {|WS2003:Sessions.Add(ID, this)|};

            protected override void OnError(WebSocketSharp.ErrorEventArgs e) => Sessions.Remove(ID);
        }

        class FleckChat
        {
            private readonly List<Fleck.IWebSocketConnection> _all = new();

            public void Start() => new Fleck.WebSocketServer("ws://0.0.0.0:8181").Start(socket =>
            {
                socket.OnOpen = () => {|WS2003:_all.Add(socket)|};
                socket.OnClose = () => Console.WriteLine("closed");
                socket.OnError = _ => _all.Remove(socket);
            });
        }

        class FleckWithBlock
        {
            private readonly HashSet<Fleck.IWebSocketConnection> _all = new();

            public void Start() => new Fleck.WebSocketServer("ws://0.0.0.0:8182").Start(socket =>
            {
                socket.OnOpen = () => {|WS2003:_all.Add(socket)|};
                socket.OnClose = () =>
                {
                    // log it
                    Console.WriteLine("closed");
                };
                socket.OnError = _ => _all.Remove(socket);
            });
        }
        """, Usings + """
        class ChatHub : Hub
        {
            private static readonly ConcurrentDictionary<string, string> Users = new();

            public override Task OnConnectedAsync()
            {
                Users[Context.ConnectionId] = "x";
                return base.OnConnectedAsync();
            }

            public override Task OnDisconnectedAsync(Exception exception)
            {
                Users.TryRemove(Context.ConnectionId, out _);
                return base.OnDisconnectedAsync(exception);
            }

            public void Leave() => Users.TryRemove(Context.ConnectionId, out _);
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

            protected override void OnError(WebSocketSharp.ErrorEventArgs e) => Sessions.Remove(ID);
        }

        class FleckChat
        {
            private readonly List<Fleck.IWebSocketConnection> _all = new();

            public void Start() => new Fleck.WebSocketServer("ws://0.0.0.0:8181").Start(socket =>
            {
                socket.OnOpen = () => _all.Add(socket);
                socket.OnClose = () =>
                {
                    Console.WriteLine("closed");
                    _all.Remove(socket);
                };
                socket.OnError = _ => _all.Remove(socket);
            });
        }

        class FleckWithBlock
        {
            private readonly HashSet<Fleck.IWebSocketConnection> _all = new();

            public void Start() => new Fleck.WebSocketServer("ws://0.0.0.0:8182").Start(socket =>
            {
                socket.OnOpen = () => _all.Add(socket);
                socket.OnClose = () =>
                {
                    // log it
                    Console.WriteLine("closed");
                    _all.Remove(socket);
                };
                socket.OnError = _ => _all.Remove(socket);
            });
        }
        """);

    [Fact]
    public Task Shapes_the_fix_cannot_extend_safely_get_no_fix()
    {
        var source = Usings + """
            class FleckChat
            {
                private readonly List<Fleck.IWebSocketConnection> _all = new();

                public void Start() => new Fleck.WebSocketServer("ws://0.0.0.0:8181").Start(socket =>
                {
                    socket.OnOpen = () => {|WS2003:_all.Add(socket)|};
                    socket.OnClose = delegate { Console.WriteLine("closed"); };
                    socket.OnError = _ => _all.Remove(socket);
                });
            }

            partial class ChatHub : Hub
            {
                private static readonly HashSet<string> Ids = new();

                public override Task OnConnectedAsync()
                {
                    {|WS2003:Ids.Add(Context.ConnectionId)|};
                    return base.OnConnectedAsync();
                }

                public void Leave() => Ids.Remove(Context.ConnectionId);
            }

            partial class ChatHub
            {
                public override Task OnDisconnectedAsync(Exception exception) => base.OnDisconnectedAsync(exception);
            }
            """;
        return VerifyFixAsync(source, source);
    }

    private const string LeaseRegistry = """
        sealed class Lease : IAsyncDisposable
        {
            private readonly Registry _registry;
            private readonly Guid _id;

            public Lease(Registry registry, Guid id) => (_registry, _id) = (registry, id);

            public ValueTask DisposeAsync()
            {
                _registry.Remove(_id);
                return ValueTask.CompletedTask;
            }
        }

        sealed class Registry
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();

            public Lease Register(WebSocket socket)
            {
                var id = Guid.NewGuid();
                _sockets[id] = socket;
                return new Lease(this, id);
            }

            public void Remove(Guid id) => _sockets.TryRemove(id, out _);
        }

        """;

    [Fact]
    public Task A_registration_that_returns_a_lease_disposed_in_finally_or_by_using_is_removed_on_every_path() => Verify.VerifyAnalyzerAsync(Usings + LeaseRegistry + """
        class Endpoint
        {
            private readonly Registry _registry = new();

            public async Task FinallyAsync(HttpContext context)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                Lease? lease = null;
                try
                {
                    lease = _registry.Register(socket);
                    await socket.ReceiveAsync(new ArraySegment<byte>(new byte[16]), CancellationToken.None);
                }
                finally
                {
                    if (lease is not null)
                    {
                        await lease.DisposeAsync();
                    }
                }
            }

            public async Task UsingAsync(HttpContext context)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                await using var lease = _registry.Register(socket);
                await socket.ReceiveAsync(new ArraySegment<byte>(new byte[16]), CancellationToken.None);
            }
        }
        """);

    [Fact]
    public Task A_lease_disposed_only_after_the_loop_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + LeaseRegistry + """
        class Endpoint
        {
            private readonly Registry _registry = new();

            public async Task HandleAsync(HttpContext context)
            {
                using var socket = await context.WebSockets.AcceptWebSocketAsync();
                var lease = {|WS2003:_registry.Register(socket)|};
                await socket.ReceiveAsync(new ArraySegment<byte>(new byte[16]), CancellationToken.None);
                await lease.DisposeAsync();
            }
        }
        """);
}
