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
    public Task Handlers_that_look_at_the_close_reason_or_the_apps_intent_are_not_flagged() => Verify.VerifyAnalyzerAsync((Usings + """
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
                _sharp.OnClose += (sender, e) =>
                {
                    if (_stopping) return;
                    _sharp.Connect();
                };
                _sharp.OnError += (sender, e) => _sharp.Connect();
            }
        }
        """).Replace("using Websocket.Client;", "using System.Reactive.Linq;\nusing Websocket.Client;"));

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
