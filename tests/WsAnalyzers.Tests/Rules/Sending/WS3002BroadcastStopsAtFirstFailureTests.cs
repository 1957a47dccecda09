using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.Sending;
using WsAnalyzers.Core;
using WsAnalyzers.Sending;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Sending;

public sealed class WS3002BroadcastStopsAtFirstFailureTests
{
    private static readonly RuleVerifier<SendingAnalyzer, BroadcastStopsAtFirstFailureCodeFixProvider> Verify = new(RuleIdentifiers.BroadcastStopsAtFirstFailure);

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
    public Task System_Net_broadcast_loops_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Hub
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();
            private readonly List<WebSocket> _list = new();
            private readonly ConcurrentQueue<WebSocket> _queue = new();

            public async Task BroadcastAsync(byte[] payload, CancellationToken ct)
            {
                try
                {
                    {|WS3002:foreach|} (var (id, socket) in _sockets)
                    {
                        if (socket.State == WebSocketState.Open)
                        {
                            await socket.SendAsync(payload, WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
                        }
                    }
                }
                catch (WebSocketException)
                {
                }

                {|WS3002:for|} (var i = 0; i < _list.Count; i++)
                {
                    await _list[i].SendAsync(new ArraySegment<byte>(payload), WebSocketMessageType.Text, true, ct);
                }

                {|WS3002:foreach|} (var id in _sockets.Keys)
                {
                    if (_sockets.TryGetValue(id, out var target))
                    {
                        await target.SendAsync(payload, WebSocketMessageType.Text, true, ct);
                    }

                    var again = _sockets[id];
                    await again.SendAsync(payload, WebSocketMessageType.Text, true, ct);
                }

                {|WS3002:foreach|} (var socket in _list)
                {
                    socket.SendAsync(payload, WebSocketMessageType.Text, true, ct).Wait();
                }

                {|WS3002:while|} (_queue.TryDequeue(out var next))
                {
                    await next.SendAsync(payload.AsMemory(), WebSocketMessageType.Binary, true, ct);
                }

                await Parallel.ForEachAsync(_list, ct, async (s, token) => await s.SendAsync(payload, WebSocketMessageType.Text, true, token));
                _list.ForEach(async s => await s.SendAsync(payload, WebSocketMessageType.Text, true, ct));
            }
        }
        """.Replace("await Parallel.ForEachAsync(_list, ct, async (s, token) => await s.SendAsync(payload, WebSocketMessageType.Text, true, token));",
                    "await {|WS3002:Parallel.ForEachAsync(_list, ct, async (s, token) => await s.SendAsync(payload, WebSocketMessageType.Text, true, token))|};")
          .Replace("_list.ForEach(async s => await s.SendAsync(payload, WebSocketMessageType.Text, true, ct));",
                   "{|WS3002:_list.ForEach(async s => await s.SendAsync(payload, WebSocketMessageType.Text, true, ct))|};"));

    [Fact]
    public Task WebSocketSharp_broadcasts_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Relay
        {
            private readonly List<WebSocketSharp.WebSocket> _clients = new();

            public void Broadcast(string text)
            {
                {|WS3002:foreach|} (var client in _clients)
                {
                    if (client.IsAlive) client.Send(text);
                }

                {|WS3002:_clients.ForEach(c => c.Send(text))|};
                {|WS3002:Array.ForEach(_clients.ToArray(), c => c.SendAsync(text, ok => { }))|};
            }
        }
        """);

    [Fact]
    public Task Per_connection_handling_and_look_alikes_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using Microsoft.AspNetCore.SignalR;

        class Hub
        {
            private readonly List<WebSocket> _sockets = new();
            private readonly List<WebSocketSharp.WebSocket> _sharp = new();
            private readonly List<Fleck.IWebSocketConnection> _fleck = new();

            public async Task BroadcastAsync(byte[] payload, WebSocket single)
            {
                foreach (var socket in _sockets)
                {
                    try { await socket.SendAsync(payload, WebSocketMessageType.Text, true, default); }
                    catch (WebSocketException) { }
                }

                foreach (var socket in _sockets)
                {
                    try { await socket.SendAsync(payload, WebSocketMessageType.Text, true, default); }
                    catch { }
                }

                foreach (var client in _sharp)
                {
                    try { client.Send("x"); }
                    catch (Exception) { }
                }

                // Fleck's Send does not throw for a closed connection.
                foreach (var connection in _fleck)
                {
                    await connection.Send("x");
                }

                _fleck.ForEach(c => c.Send("x"));

                // Chunks to one socket: not a broadcast.
                foreach (var chunk in new[] { payload, payload })
                {
                    await single.SendAsync(chunk, WebSocketMessageType.Binary, false, default);
                }

                // Not awaited, or offloaded: the failure lands in the task, not in the loop.
                _sockets.ForEach(s => s.SendAsync(payload, WebSocketMessageType.Text, true, default));
                foreach (var socket in _sockets)
                {
                    _ = Task.Run(async () => await socket.SendAsync(payload, WebSocketMessageType.Text, true, default));
                    await SendSafelyAsync(socket, payload);
                }
            }

            // A relay from a receive loop to one peer per message: not a broadcast.
            public async Task RelayAsync(WebSocket single)
            {
                var buffer = new byte[1024];
                while (true)
                {
                    var result = await single.ReceiveAsync(buffer, default);
                    var peer = _sockets[result.Count % _sockets.Count];
                    await peer.SendAsync(new ArraySegment<byte>(buffer, 0, result.Count), result.MessageType, true, default);
                }
            }

            private static async Task SendSafelyAsync(WebSocket socket, byte[] payload)
            {
                try { await socket.SendAsync(payload, WebSocketMessageType.Text, true, default); }
                catch (WebSocketException) { }
            }
        }

        class ChatHub : Microsoft.AspNetCore.SignalR.Hub
        {
            public async Task Fan(string[] ids)
            {
                foreach (var id in ids)
                {
                    await Clients.Client(id).SendAsync("m", "x");
                }
            }
        }
        """);

    [Fact]
    public Task Broadcasts_through_a_send_helper_of_the_same_file_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class ConnectionManager
        {
            private readonly ConcurrentDictionary<string, WebSocket> _sockets = new();

            public ConcurrentDictionary<string, WebSocket> GetAll() => _sockets;

            public WebSocket GetSocketById(string id) => _sockets[id];
        }

        class Handler
        {
            private readonly ConnectionManager _manager = new();
            private readonly List<WebSocketSharp.WebSocket> _players = new();

            public async Task SendMessageAsync(WebSocket socket, string message)
            {
                if (socket.State != WebSocketState.Open) return;
                var bytes = Encoding.UTF8.GetBytes(message);
                await socket.SendAsync(new ArraySegment<byte>(bytes), WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
            }

            public async Task SendMessageAsync(string socketId, string message)
            {
                var socket = _manager.GetSocketById(socketId);
                await SendMessageAsync(socket, message);
            }

            public Task InvokeClientMethodAsync(string socketId, string method) => SendMessageAsync(socketId, method + "()");

            public async Task SendMessageToAllAsync(string message)
            {
                {|WS3002:foreach|} (var pair in _manager.GetAll())
                {
                    if (pair.Value.State == WebSocketState.Open)
                        await SendMessageAsync(pair.Value, message).ConfigureAwait(false);
                }
            }

            public async Task InvokeClientMethodToAllAsync(string method)
            {
                {|WS3002:foreach|} (var pair in _manager.GetAll())
                {
                    await InvokeClientMethodAsync(pair.Key, method);
                }
            }

            public void Deal(string card)
            {
                {|WS3002:for|} (var i = 0; i < _players.Count; i++)
                {
                    Tell(_players[i], card);
                }
            }

            public async Task PushAllAsync(string text)
            {
                {|WS3002:foreach|} (var pair in _manager.GetAll())
                {
                    await Push(pair.Value);
                }

                Task Push(WebSocket socket) => socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);
            }

            private static void Tell(WebSocketSharp.WebSocket player, string text) => player.Send(text);
        }
        """);

    [Fact]
    public Task Helpers_that_handle_the_failure_or_do_not_send_to_the_connection_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Handler
        {
            private readonly List<WebSocket> _sockets = new();
            private readonly ClientWebSocket _upstream = new();

            public async Task BroadcastAsync(string text)
            {
                foreach (var socket in _sockets)
                {
                    await SendSafelyAsync(socket, text);
                }

                foreach (var socket in _sockets)
                {
                    try
                    {
                        await SendAsync(socket, text);
                    }
                    catch (WebSocketException)
                    {
                    }
                }

                foreach (var socket in _sockets)
                {
                    _ = SendAsync(socket, text);
                    Fire(socket, text);
                }

                foreach (var line in text.Split('\n'))
                {
                    await ForwardAsync(line);
                }
            }

            private static async Task SendSafelyAsync(WebSocket socket, string text)
            {
                try
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);
                }
                catch (WebSocketException)
                {
                }
            }

            private static async Task SendAsync(WebSocket socket, string text) =>
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);

            private static async void Fire(WebSocket socket, string text) =>
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, default);

            private async Task ForwardAsync(string line) =>
                await _upstream.SendAsync(Encoding.UTF8.GetBytes(line), WebSocketMessageType.Text, true, default);
        }
        """);

    [Fact]
    public Task Fix_catches_the_failure_around_the_helper_call() => Verify.VerifyCodeFixAsync(Usings + """
        class Handler
        {
            private readonly ConcurrentDictionary<string, WebSocket> _sockets = new();

            public async Task SendToAllAsync(string message)
            {
                {|WS3002:foreach|} (var pair in _sockets)
                {
                    if (pair.Value.State == WebSocketState.Open)
                        await SendMessageAsync(pair.Value, message);
                }
            }

            private static async Task SendMessageAsync(WebSocket socket, string message) =>
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default);
        }
        """, Usings + """
        class Handler
        {
            private readonly ConcurrentDictionary<string, WebSocket> _sockets = new();

            public async Task SendToAllAsync(string message)
            {
                foreach (var pair in _sockets)
                {
                    if (pair.Value.State == WebSocketState.Open)
                    {
                        try
                        {
                            await SendMessageAsync(pair.Value, message);
                        }
                        catch (WebSocketException)
                        {
                            _sockets.TryRemove(pair.Key, out _);
                        }
                    }
                }
            }

            private static async Task SendMessageAsync(WebSocket socket, string message) =>
                await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, default);
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_break_the_analyzer()
    {
        var test = Verify.CreateTest(Usings + """
            class Broken
            {
                private readonly List<WebSocket> _sockets = new();

                public async Task GoAsync()
                {
                    foreach (var s in ) await s.SendAsync(default, WebSocketMessageType.Text, true, default);
                    foreach (var s in _sockets) await s.SendAsync(
                    _sockets.ForEach(s => s.
                }
            }
            """, fixedSource: null);
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        test.ExpectedDiagnostics.Clear();
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_All_catches_per_connection_and_removes_dead_registry_entries() => Verify.VerifyCodeFixAsync(Usings + """
        class Hub
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();
            private readonly List<WebSocketSharp.WebSocket> _clients = new();

            public async Task BroadcastAsync(byte[] payload)
            {
                {|WS3002:foreach|} (var socket in _sockets.Values)
                {
                    // every peer
                    await socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
                }

                {|WS3002:foreach|} (var socket in _sockets.Values)
                    if (socket.State == WebSocketState.Open)
                        await socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);

                {|WS3002:_clients.ForEach(c => c.Send("x"))|};

                {|WS3002:foreach|} (var (id, socket) in _sockets)
                {
                    await socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);
                }

                {|WS3002:foreach|} (var entry in this._sockets)
                {
                    await entry.Value.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
        }
        """, Usings + """
        class Hub
        {
            private readonly ConcurrentDictionary<Guid, WebSocket> _sockets = new();
            private readonly List<WebSocketSharp.WebSocket> _clients = new();

            public async Task BroadcastAsync(byte[] payload)
            {
                foreach (var socket in _sockets.Values)
                {
                    // every peer
                    try
                    {
                        await socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (WebSocketException)
                    {
                        // The connection is gone: skip it so the others still get the message.
                    }
                }

                foreach (var socket in _sockets.Values)
                    if (socket.State == WebSocketState.Open)
                    {
                        try
                        {
                            await socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);
                        }
                        catch (WebSocketException)
                        {
                            // The connection is gone: skip it so the others still get the message.
                        }
                    }

                _clients.ForEach(c =>
                {
                    try
                    {
                        c.Send("x");
                    }
                    catch (InvalidOperationException)
                    {
                        // The connection is gone: skip it so the others still get the message.
                    }
                });

                foreach (var (id, socket) in _sockets)
                {
                    try
                    {
                        await socket.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);
                    }
                    catch (WebSocketException)
                    {
                        _sockets.TryRemove(id, out _);
                    }
                }

                foreach (var entry in this._sockets)
                {
                    try
                    {
                        await entry.Value.SendAsync(payload, WebSocketMessageType.Text, true, CancellationToken.None);
                    }
                    catch (WebSocketException)
                    {
                        this._sockets.TryRemove(entry.Key, out _);
                    }
                }
            }
        }
        """);
}
