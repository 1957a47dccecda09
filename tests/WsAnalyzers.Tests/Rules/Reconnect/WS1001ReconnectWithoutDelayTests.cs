using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Reconnect;

public sealed class WS1001ReconnectWithoutDelayTests
{
    private static readonly RuleVerifier<ReconnectAnalyzer, EmptyCodeFixProvider> Verify = new(RuleIdentifiers.ReconnectWithoutDelay);

    internal const string Usings = """
        using System;
        using System.Net.WebSockets;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.SignalR.Client;
        using Websocket.Client;

        """;

    [Fact]
    public Task Close_and_error_handlers_of_every_client_library_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Clients
        {
            private readonly WebSocketSharp.WebSocket _sharp = new("wss://example.org");
            private readonly HubConnection _hub = new HubConnectionBuilder().WithUrl("https://example.org/hub").Build();
            private readonly WebsocketClient _client = new(new Uri("wss://example.org"));

            public void Wire()
            {
                _sharp.OnClose += (sender, e) => {|WS1001:_sharp.Connect()|};
                _sharp.OnError += delegate { {|WS1001:_sharp.ConnectAsync()|}; };
                _hub.Closed += async error => await {|WS1001:_hub.StartAsync()|};
                _client.DisconnectionHappened.Subscribe(info => {|WS1001:_client.Reconnect()|});
                _client.DisconnectionHappened.Subscribe(async info => await {|WS1001:_client.StartOrFail()|});
            }
        }
        """);

    [Fact]
    public Task Method_group_handlers_and_same_type_helpers_are_followed() => Verify.VerifyAnalyzerAsync(Usings + """
        class Clients
        {
            private readonly WebSocketSharp.WebSocket _sharp = new("wss://example.org");
            private readonly HubConnection _hub;
            private readonly IWebsocketClient _client;

            public Clients(HubConnection hub, IWebsocketClient client)
            {
                _hub = hub;
                _client = client;
                _sharp.OnClose += OnClosed;
                _hub.Closed += OnHubClosedAsync;
                _client.DisconnectionHappened.Subscribe(OnDisconnected);
            }

            private void OnClosed(object sender, WebSocketSharp.CloseEventArgs e) => {|WS1001:_sharp.Connect()|};

            private Task OnHubClosedAsync(Exception error) => {|WS1001:RestartAsync()|};

            private void OnDisconnected(DisconnectionInfo info) => {|WS1001:ReconnectNow()|};

            private Task RestartAsync() => StartCoreAsync();

            private Task StartCoreAsync() => _hub.StartAsync();

            private void ReconnectNow() => _client.ReconnectOrFail();
        }
        """);

    [Fact]
    public Task Catch_blocks_loops_and_recursion_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly Uri _uri = new("wss://example.org");
            private ClientWebSocket _socket = new();
            private readonly HubConnection _hub;

            public Client(HubConnection hub) => _hub = hub;

            public async Task CatchAsync()
            {
                try
                {
                    await _socket.ConnectAsync(_uri, default);
                }
                catch (WebSocketException)
                {
                    _socket = new ClientWebSocket();
                    await {|WS1001:_socket.ConnectAsync(_uri, default)|};
                }
            }

            public async Task WhileAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await {|WS1001:socket.ConnectAsync(_uri, ct)|};
                        await ReceiveAllAsync(socket, ct);
                    }
                    catch (WebSocketException)
                    {
                    }
                }
            }

            public async Task ForAsync()
            {
                for (var attempt = 0; attempt < 5; attempt++)
                {
                    try
                    {
                        await {|WS1001:_hub.StartAsync()|};
                        return;
                    }
                    catch (Exception)
                    {
                    }
                }
            }

            public async Task DoAsync()
            {
                do
                {
                    try { await {|WS1001:_hub.StartAsync()|}; }
                    catch (Exception) { continue; }
                    break;
                }
                while (true);
            }

            public async Task ConnectWithRetryAsync()
            {
                try
                {
                    _socket = new ClientWebSocket();
                    await _socket.ConnectAsync(_uri, default);
                }
                catch (WebSocketException)
                {
                    await {|WS1001:ConnectWithRetryAsync()|};
                }
            }

            public async Task RunForeverAsync(CancellationToken ct)
            {
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(_uri, ct);
                await ReceiveAllAsync(socket, ct);
                await {|WS1001:RunForeverAsync(ct)|};
            }

            public async Task HeartbeatIsNotABackoffAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    using var socket = new ClientWebSocket();
                    await {|WS1001:socket.ConnectAsync(_uri, ct)|};
                    while (socket.State == WebSocketState.Open)
                    {
                        await socket.SendAsync(new byte[] { 1 }, WebSocketMessageType.Binary, true, ct);
                        await Task.Delay(30_000, ct);
                    }
                }
            }

            public async Task StartClientAsync(IWebsocketClient client)
            {
                while (!client.IsRunning)
                {
                    await {|WS1001:client.Start()|};
                }
            }

            public void StartLoop()
            {
                var sharp = new WebSocketSharp.WebSocket("wss://example.org");
                while (sharp.ReadyState != WebSocketSharp.WebSocketState.Open)
                {
                    {|WS1001:sharp.Connect()|};
                }
            }

            private static Task ReceiveAllAsync(ClientWebSocket socket, CancellationToken ct) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task A_zero_delay_is_no_delay() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            public void Wire(WebSocketSharp.WebSocket ws)
            {
                ws.OnClose += (sender, e) =>
                {
                    Thread.Sleep(TimeSpan.Zero);
                    {|WS1001:ws.Connect()|};
                };
            }
        }
        """);

    [Fact]
    public Task Any_delay_or_a_wait_that_is_not_visible_is_not_WS1001() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly HubConnection _hub;
            private readonly Func<int, Task> _wait;
            private int _attempt;

            public Client(HubConnection hub, Func<int, Task> wait)
            {
                _hub = hub;
                _wait = wait;
                _hub.Closed += async error =>
                {
                    await Task.Delay(5000);
                    await _hub.StartAsync();
                };
                _hub.Closed += async error =>
                {
                    await _wait(++_attempt);
                    await _hub.StartAsync();
                };
                _hub.Closed += async error =>
                {
                    await BackOffAsync();
                    await _hub.StartAsync();
                };
            }

            public async Task LoopAsync(Uri uri, CancellationToken ct)
            {
                while (true)
                {
                    var socket = new ClientWebSocket();
                    try
                    {
                        await socket.ConnectAsync(uri, ct);
                        return;
                    }
                    catch (WebSocketException)
                    {
                        socket.Dispose();
                    }

                    Thread.Sleep(1000);
                }
            }

            private Task BackOffAsync() => Task.Delay(TimeSpan.FromSeconds(2));
        }
        """);

    [Fact]
    public Task Look_alikes_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using System.Data.Common;
        using System.Net.Sockets;

        class NotWebSockets
        {
            public async Task TcpAsync(string host, int port)
            {
                while (true)
                {
                    using var tcp = new TcpClient();
                    try
                    {
                        await tcp.ConnectAsync(host, port);
                        return;
                    }
                    catch (SocketException)
                    {
                    }
                }
            }

            public async Task DatabaseAsync(DbConnection connection)
            {
                for (var i = 0; i < 3; i++)
                {
                    try { await connection.OpenAsync(); return; }
                    catch (DbException) { }
                }
            }

            public async Task OnceAsync(ClientWebSocket socket, Uri uri)
            {
                await socket.ConnectAsync(uri, default);
            }

            public void OpenHandlerConnectsOnce(WebSocketSharp.WebSocket ws)
            {
                ws.OnOpen += (sender, e) => ws.Send("hello");
                ws.Connect();
            }

            public async Task FanOutAsync(Uri uri, int count)
            {
                var sockets = new ClientWebSocket[count];
                for (var i = 0; i < count; i++)
                {
                    sockets[i] = new ClientWebSocket();
                    await sockets[i].ConnectAsync(uri, default);
                }
            }

            public async Task ForEachEndpointAsync(Uri[] endpoints)
            {
                foreach (var endpoint in endpoints)
                {
                    var socket = new ClientWebSocket();
                    await socket.ConnectAsync(endpoint, default);
                    _ = socket;
                }
            }
        }
        """);

    [Fact]
    public Task Retry_inside_a_Polly_pipeline_or_with_WithAutomaticReconnect_is_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using Polly;
        using Polly.Retry;

        class Client
        {
            private readonly ResiliencePipeline _pipeline = new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions { BackoffType = DelayBackoffType.Exponential, UseJitter = true, MaxRetryAttempts = 10 })
                .Build();

            private readonly HubConnection _hub = new HubConnectionBuilder().WithUrl("https://example.org/hub").WithAutomaticReconnect().Build();

            public async Task ConnectAsync(Uri uri, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await _pipeline.ExecuteAsync(async token =>
                    {
                        using var socket = new ClientWebSocket();
                        await socket.ConnectAsync(uri, token);
                    }, ct);
                }
            }

            public Task StartAsync(CancellationToken ct) => _pipeline.ExecuteAsync(token => new ValueTask(_hub.StartAsync(token)), ct).AsTask();
        }
        """);

    [Fact]
    public Task Incomplete_code_does_not_break_the_analyzer()
    {
        var test = Verify.CreateTest(Usings + """
            class Broken
            {
                private ClientWebSocket _socket;

                public async Task GoAsync()
                {
                    while (
                    {
                        try { await _socket.ConnectAsync( } catch { await Retry(; }
                        await Task.Delay(
                    }
                    _hub.Closed += async e => await _hub.StartAsync(
                }
            }
            """, fixedSource: null);
        test.CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None;
        return test.RunAsync();
    }
}
