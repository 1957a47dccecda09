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
}
