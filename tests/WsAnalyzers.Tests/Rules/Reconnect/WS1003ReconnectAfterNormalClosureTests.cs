using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.Reconnect;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Reconnect;

public sealed class WS1003ReconnectAfterNormalClosureTests
{
    private static readonly RuleVerifier<ReconnectAnalyzer, ReconnectAfterNormalClosureCodeFixProvider> Verify = new(RuleIdentifiers.ReconnectAfterNormalClosure);

    private const string Usings = WS1001ReconnectWithoutDelayTests.Usings;

    [Fact]
    public Task Unconditional_reconnects_in_close_handlers_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Clients
        {
            private readonly WebSocketSharp.WebSocket _sharp = new("wss://example.org");
            private readonly HubConnection _hub;
            private readonly IWebsocketClient _client;

            public Clients(HubConnection hub, IWebsocketClient client)
            {
                _hub = hub;
                _client = client;
                _sharp.OnClose += (sender, e) =>
                {
                    Console.WriteLine(e.Reason);
                    Thread.Sleep(1000);
                    {|WS1003:_sharp.Connect()|};
                };
                _hub.Closed += async error =>
                {
                    await Task.Delay(Random.Shared.Next(1000, 5000));
                    await {|WS1003:_hub.StartAsync()|};
                };
                _client.DisconnectionHappened.Subscribe(info =>
                {
                    if (_client.IsRunning)
                    {
                        return;
                    }

                    {|WS1003:_client.Reconnect()|};
                });
                _sharp.OnClose += OnClosed;
            }

            private void OnClosed(object sender, WebSocketSharp.CloseEventArgs e) => {|WS1003:Restart()|};

            private void Restart() => _sharp.ConnectAsync();
        }
        """);

    [Fact]
    public Task Handlers_that_look_at_the_close_reason_or_SignalR_handlers_that_check_the_apps_intent_are_not_flagged() => Verify.VerifyAnalyzerAsync((Usings + """
        class Clients
        {
            private readonly WebSocketSharp.WebSocket _sharp = new("wss://example.org");
            private readonly HubConnection _hub;
            private readonly IWebsocketClient _client;
            private bool _stopping;

            public Clients(HubConnection hub, IWebsocketClient client)
            {
                _hub = hub;
                _client = client;
                _sharp.OnClose += (sender, e) =>
                {
                    if (e.Code == (ushort)WebSocketSharp.CloseStatusCode.Normal) return;
                    _sharp.Connect();
                };
                _sharp.OnClose += (sender, e) =>
                {
                    if (!e.WasClean) _sharp.Connect();
                };
                _hub.Closed += async error =>
                {
                    if (error is null) return;
                    await _hub.StartAsync();
                };
                _hub.Closed += error => error != null ? _hub.StartAsync() : Task.CompletedTask;
                _client.DisconnectionHappened.Subscribe(info =>
                {
                    switch (info.Type)
                    {
                        case DisconnectionType.Lost:
                            _client.Reconnect();
                            break;
                    }
                });
                _client.DisconnectionHappened
                    .Where(info => info.Type != DisconnectionType.ByUser)
                    .Subscribe(info => _client.Reconnect());
                _hub.Closed += async error =>
                {
                    if (_stopping) return;
                    await _hub.StartAsync();
                };
                _sharp.OnError += (sender, e) => _sharp.Connect();
            }
        }
        """).Replace("using Websocket.Client;", "using System.Reactive.Linq;\nusing Websocket.Client;"));

    [Fact]
    public Task The_apps_own_flag_does_not_tell_a_servers_normal_close_from_a_failure() => Verify.VerifyAnalyzerAsync(Usings + """
        class AutoReconnectingSocket : WebSocketSharp.WebSocket
        {
            private bool _shouldClose;
            public bool AutoReconnect = true;

            public AutoReconnectingSocket(Uri uri) : base(uri.ToString())
            {
                OnClose += AutoReconnectingSocket_OnClose;
            }

            private void AutoReconnectingSocket_OnClose(object sender, WebSocketSharp.CloseEventArgs e)
            {
                if (_shouldClose || !AutoReconnect) return;
                {|WS1003:Connect()|};
            }

            public new void Connect()
            {
                base.Connect();
            }

            public new void Close()
            {
                _shouldClose = true;
                base.Close();
            }
        }

        class Client
        {
            private readonly IWebsocketClient _client;
            private readonly CancellationTokenSource _stopping = new();

            public Client(IWebsocketClient client)
            {
                _client = client;
                _client.DisconnectionHappened.Subscribe(info =>
                {
                    if (_stopping.IsCancellationRequested)
                    {
                        return;
                    }

                    {|WS1003:_client.Reconnect()|};
                });
            }
        }
        """);

    [Fact]
    public Task A_close_handler_that_queues_the_reconnect_is_judged_as_if_it_reconnected() => Verify.VerifyAnalyzerAsync((Usings + """
        class Client
        {
            private readonly ConcurrentQueue<Action> _pump = new();

            public Client(WebSocketSharp.WebSocket sharp, HubConnection hub)
            {
                sharp.OnClose += (sender, e) => _pump.Enqueue(() => {|WS1003:sharp.Connect()|});
                sharp.OnClose += (sender, e) =>
                {
                    if (e.WasClean) return;
                    _pump.Enqueue(() => sharp.Connect());
                };
                hub.Closed += error => Task.Run(() => {|WS1003:hub.StartAsync()|});
                hub.Closed += error => error is null ? Task.CompletedTask : Task.Run(() => hub.StartAsync());
            }
        }
        """).Replace("using System;", "using System;\nusing System.Collections.Concurrent;"));

    [Fact]
    public Task Fix_All_inserts_the_guard_that_fits_each_library() => Verify.VerifyCodeFixAsync(Usings + """
        class Clients
        {
            private readonly WebSocketSharp.WebSocket _sharp = new("wss://example.org");
            private readonly HubConnection _hub;
            private readonly IWebsocketClient _client;

            public Clients(HubConnection hub, IWebsocketClient client)
            {
                _hub = hub;
                _client = client;
                _sharp.OnClose += (sender, e) => {|WS1003:_sharp.Connect()|};
                _hub.Closed += error => {|WS1003:_hub.StartAsync()|};
                _client.DisconnectionHappened.Subscribe(async info =>
                {
                    await Task.Delay(1000);
                    await {|WS1003:_client.ReconnectOrFail()|};
                });
                _sharp.OnClose += OnClosed;
            }

            private void OnClosed(object sender, WebSocketSharp.CloseEventArgs e) => {|WS1003:_sharp.ConnectAsync()|};
        }
        """, Usings + """
        class Clients
        {
            private readonly WebSocketSharp.WebSocket _sharp = new("wss://example.org");
            private readonly HubConnection _hub;
            private readonly IWebsocketClient _client;

            public Clients(HubConnection hub, IWebsocketClient client)
            {
                _hub = hub;
                _client = client;
                _sharp.OnClose += (sender, e) =>
                {
                    if (e.Code == (ushort)global::WebSocketSharp.CloseStatusCode.Normal)
                    {
                        return;
                    }

                    _sharp.Connect();
                };
                _hub.Closed += error =>
                {
                    if (error == null)
                    {
                        return Task.CompletedTask;
                    }

                    return _hub.StartAsync();
                };
                _client.DisconnectionHappened.Subscribe(async info =>
                {
                    if (info.Type == DisconnectionType.ByUser || info.Type == DisconnectionType.Exit)
                    {
                        return;
                    }

                    await Task.Delay(1000);
                    await _client.ReconnectOrFail();
                });
                _sharp.OnClose += OnClosed;
            }

            private void OnClosed(object sender, WebSocketSharp.CloseEventArgs e)
            {
                if (e.Code == (ushort)global::WebSocketSharp.CloseStatusCode.Normal)
                {
                    return;
                }

                _sharp.ConnectAsync();
            }
        }
        """);
}
