using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Reconnect;

/// <summary>WS1001 on the shapes real code has (issue 16): notifications are not waits, a wait counts only on the paths
/// that run it, reconnects through lambdas that run later, and helpers in other classes.</summary>
public sealed class WS1001RealCodeShapesTests
{
    private static readonly RuleVerifier<ReconnectAnalyzer, EmptyCodeFixProvider> Verify = new(RuleIdentifiers.ReconnectWithoutDelay);

    private const string Usings = WS1001ReconnectWithoutDelayTests.Usings;

    [Fact]
    public Task A_notification_on_the_retry_path_is_not_a_wait() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly HubConnection _hub;
            private readonly Action<Exception> _onError;
            private readonly Action<string>? _status;
            private readonly Func<int, Task> _wait;

            public event Action<string>? Lost;

            public event Func<Exception?, Task>? Disconnected;

            public Client(HubConnection hub, WebSocketSharp.WebSocket sharp, IWebsocketClient client, Action<Exception> onError, Action<string>? status, Func<int, Task> wait)
            {
                _hub = hub;
                _onError = onError;
                _status = status;
                _wait = wait;
                _hub.Closed += async error =>
                {
                    Lost?.Invoke("lost");
                    await {|WS1001:_hub.StartAsync()|};
                };
                _hub.Closed += async error =>
                {
                    await Disconnected!.Invoke(error);
                    await {|WS1001:_hub.StartAsync()|};
                };
                sharp.OnClose += (sender, e) =>
                {
                    _status?.Invoke("connecting");
                    {|WS1001:sharp.Connect()|};
                };
                client.DisconnectionHappened.Subscribe(info =>
                {
                    _ = _wait(1);
                    {|WS1001:client.Reconnect()|};
                });
            }

            public async Task LoopAsync(Uri uri, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await {|WS1001:socket.ConnectAsync(uri, ct)|};
                        return;
                    }
                    catch (WebSocketException ex)
                    {
                        _onError(ex);
                    }
                }
            }

            public async Task SessionAsync(Uri uri, Func<ClientWebSocket, Task> session, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await {|WS1001:socket.ConnectAsync(uri, ct)|};
                        await session(socket);
                    }
                    catch (WebSocketException)
                    {
                    }
                }
            }
        }
        """);

    [Fact]
    public Task An_awaited_task_returning_delegate_that_is_not_an_event_keeps_the_benefit_of_the_doubt() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly Func<int, Task> _backoff;
            private readonly Func<int, CancellationToken, Task> _delay;
            private int _attempt;

            public Client(HubConnection hub, WebSocketSharp.WebSocket sharp, IWebsocketClient client, Func<int, Task> backoff, Func<int, CancellationToken, Task> delay)
            {
                _backoff = backoff;
                _delay = delay;
                client.DisconnectionHappened.Subscribe(async info =>
                {
                    await (_backoff?.Invoke(++_attempt) ?? Task.CompletedTask);
                    await client.Reconnect();
                });
                hub.Closed += async error =>
                {
                    await _backoff(++_attempt);
                    await hub.StartAsync();
                };
                hub.Closed += async error =>
                {
                    await _backoff.Invoke(++_attempt).ConfigureAwait(false);
                    await hub.StartAsync();
                };
                sharp.OnClose += (sender, e) =>
                {
                    _delay(++_attempt, default).Wait();
                    sharp.Connect();
                };
            }

            public async Task LoopAsync(Uri uri, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await socket.ConnectAsync(uri, ct);
                        return;
                    }
                    catch (WebSocketException)
                    {
                        await _backoff(++_attempt);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task A_wait_only_in_the_catch_leaves_the_normal_end_of_a_session_without_one() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private volatile bool _stop;

            public async Task RunAsync(Uri uri, CancellationToken ct)
            {
                while (!_stop)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await {|WS1001:socket.ConnectAsync(uri, ct)|};
                        await ReceiveUntilClosedAsync(socket, ct);
                    }
                    catch (WebSocketException)
                    {
                        await Task.Delay(5000, ct);
                    }
                }
            }

            public void RunBlocking(Uri uri)
            {
                while (!_stop)
                {
                    try
                    {
                        using (var socket = new ClientWebSocket())
                        {
                            {|WS1001:socket.ConnectAsync(uri, CancellationToken.None)|}.Wait();
                            ReceiveUntilClosedAsync(socket, CancellationToken.None).Wait();
                        }
                    }
                    catch (Exception ex) when (ex.InnerException?.Message != "Unable to connect to the remote server")
                    {
                        Console.WriteLine(ex);
                        Thread.Sleep(5000);
                    }
                }
            }

            public void RunSharp(WebSocketSharp.WebSocket sharp, ManualResetEventSlim closed)
            {
                while (!_stop)
                {
                    try
                    {
                        {|WS1001:sharp.Connect()|};
                        closed.Wait();
                    }
                    catch (InvalidOperationException)
                    {
                        Thread.Sleep(5000);
                    }
                }
            }

            public async Task ContinueSkipsTheWaitAsync(IWebsocketClient client, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    try
                    {
                        await {|WS1001:client.StartOrFail()|};
                    }
                    catch (Exception)
                    {
                        continue;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(10), ct);
                }
            }

            private static Task ReceiveUntilClosedAsync(ClientWebSocket socket, CancellationToken ct) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task A_close_handler_branch_without_the_wait_reconnects_at_once() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            public void Wire(WebSocketSharp.WebSocket sharp, HubConnection hub)
            {
                sharp.OnClose += (sender, e) =>
                {
                    if (e.Code == 1006)
                    {
                        Thread.Sleep(2000);
                        sharp.Connect();
                    }
                    else if (e.Code != 1000)
                    {
                        {|WS1001:sharp.Connect()|};
                    }
                };
                hub.Closed += async error =>
                {
                    switch (error)
                    {
                        case TimeoutException:
                            await Task.Delay(3000);
                            await hub.StartAsync();
                            break;
                        default:
                            await {|WS1001:hub.StartAsync()|};
                            break;
                    }
                };
            }
        }
        """);

    [Fact]
    public Task A_wait_on_every_path_is_a_wait() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private volatile bool _stop;
            private int _attempt;

            public async Task WaitAfterTheTryAsync(Uri uri, CancellationToken ct)
            {
                while (!_stop)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await socket.ConnectAsync(uri, ct);
                        await ReceiveUntilClosedAsync(socket, ct);
                    }
                    catch (WebSocketException)
                    {
                        Console.WriteLine("lost");
                    }

                    await Task.Delay(5000, ct);
                }
            }

            public async Task BreakAfterConnectingAsync(HubConnection hub, CancellationToken ct)
            {
                while (true)
                {
                    try
                    {
                        await hub.StartAsync(ct);
                        break;
                    }
                    catch (Exception)
                    {
                        await Task.Delay(5000, ct);
                    }
                }
            }

            public async Task WaitInBothBranchesAsync(IWebsocketClient client, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    try
                    {
                        await client.StartOrFail();
                        await Task.Delay(TimeSpan.FromMinutes(1), ct);
                    }
                    catch (Exception)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(5), ct);
                    }
                }
            }

            public async Task GuardedWaitBeforeTheAttemptAsync(Uri uri, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    if (_attempt > 0)
                    {
                        await Task.Delay(1000 * _attempt, ct);
                    }

                    using var socket = new ClientWebSocket();
                    try
                    {
                        await socket.ConnectAsync(uri, ct);
                        _attempt = 0;
                        await ReceiveUntilClosedAsync(socket, ct);
                    }
                    catch (WebSocketException)
                    {
                        _attempt++;
                    }
                }
            }

            public void Wire(WebSocketSharp.WebSocket sharp)
            {
                sharp.OnClose += (sender, e) =>
                {
                    if (e.Code == 1000)
                    {
                        return;
                    }

                    Thread.Sleep(2000);
                    sharp.Connect();
                };
            }

            private static Task ReceiveUntilClosedAsync(ClientWebSocket socket, CancellationToken ct) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task Reconnects_queued_from_a_close_path_or_started_with_Task_Run_are_followed() => Verify.VerifyAnalyzerAsync(Usings + """
        using System.Collections.Concurrent;
        using System.Threading.Channels;

        class Client
        {
            private readonly ConcurrentQueue<Action> _pump = new();
            private readonly Channel<Func<Task>> _work = Channel.CreateUnbounded<Func<Task>>();
            private readonly WebSocketSharp.WebSocket _sharp = new("wss://example.org");
            private readonly HubConnection _hub;
            private readonly IWebsocketClient _client;
            private ClientWebSocket _socket = new();

            public Client(HubConnection hub, IWebsocketClient client)
            {
                _hub = hub;
                _client = client;
                _sharp.OnClose += (sender, e) => _pump.Enqueue(() => {|WS1001:Reconnect()|});
                _client.DisconnectionHappened.Subscribe(info => _pump.Enqueue(() => {|WS1001:_client.Reconnect()|}));
                _hub.Closed += error =>
                {
                    _ = Task.Run(() => {|WS1001:_hub.StartAsync()|});
                    return Task.CompletedTask;
                };
            }

            public async Task ReceiveAsync(Uri uri, CancellationToken ct)
            {
                var buffer = new byte[1024];
                while (_socket.State == WebSocketState.Open)
                {
                    var result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer), ct);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _work.Writer.TryWrite(() => {|WS1001:ReconnectAsync(uri, ct)|});
                        break;
                    }
                }
            }

            public void Connect(Uri uri)
            {
                try
                {
                    _sharp.Connect();
                }
                catch (InvalidOperationException)
                {
                    {|WS1001:StartInBackground(uri)|};
                }
            }

            public async Task ResumeAsync(Uri uri)
            {
                try
                {
                    await _hub.StartAsync();
                }
                catch (Exception)
                {
                    {|WS1001:StartLoop(uri)|};
                }
            }

            private void StartLoop(Uri uri) => Task.Run(() => LoopAsync(uri));

            private async Task LoopAsync(Uri uri)
            {
                _socket = new ClientWebSocket();
                await _socket.ConnectAsync(uri, default);
            }

            private void StartInBackground(Uri uri) => Task.Run(async () =>
            {
                _socket = new ClientWebSocket();
                await _socket.ConnectAsync(uri, default);
            });

            private void Reconnect() => _sharp.Connect();

            private async Task ReconnectAsync(Uri uri, CancellationToken ct)
            {
                _socket = new ClientWebSocket();
                await _socket.ConnectAsync(uri, ct);
            }
        }
        """);

    [Fact]
    public Task Closures_queued_off_the_retry_path_or_after_a_wait_are_not_flagged() => Verify.VerifyAnalyzerAsync((Usings + """
        using System.Collections.Concurrent;

        class Client
        {
            private readonly ConcurrentQueue<Action> _pump = new();
            private readonly WebSocketSharp.WebSocket _sharp = new("wss://example.org");
            private readonly Dictionary<string, Action> _commands = new();
            private int _attempt;

            public Client()
            {
                _sharp.OnClose += (sender, e) =>
                {
                    if (e.Code == 1000)
                    {
                        return;
                    }

                    _attempt++;
                    Thread.Sleep(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000 << Math.Min(_attempt, 5))));
                    _pump.Enqueue(() => _sharp.Connect());
                };
            }

            public void Start() => _pump.Enqueue(() => _sharp.Connect());

            public void Register() => _commands["connect"] = () => _sharp.Connect();

            public void StartLater() => Task.Run(() => _sharp.Connect());
        }
        """).Replace("using Websocket.Client;", "using System.Collections.Generic;\nusing Websocket.Client;"));

    [Fact]
    public Task Reconnect_helpers_in_other_classes_are_followed_up_to_the_depth_limit() => Verify.VerifyAnalyzerAsync(Usings + """
        class Dialer
        {
            public ClientWebSocket Socket { get; private set; } = new();

            public async Task OpenAsync(Uri uri, CancellationToken ct)
            {
                Socket = new ClientWebSocket();
                await Socket.ConnectAsync(uri, ct);
            }
        }

        class Connector
        {
            private readonly WebSocketSharp.WebSocket _sharp = new("wss://example.org");

            public void Reconnect() => _sharp.Connect();
        }

        class HubSession
        {
            private readonly HubConnection _hub;

            public HubSession(HubConnection hub) => _hub = hub;

            public Task ResumeAsync() => _hub.StartAsync();
        }

        class FeedSession
        {
            private readonly IWebsocketClient _client;

            public FeedSession(IWebsocketClient client) => _client = client;

            public Task RestartAsync() => _client.Reconnect();
        }

        class Session
        {
            private readonly Dialer _dialer = new();

            public Task ResumeAsync(Uri uri, CancellationToken ct) => _dialer.OpenAsync(uri, ct);
        }

        class One { public Task GoAsync(Two two, Uri uri) => two.GoAsync(uri); }
        class Two { public Task GoAsync(Uri uri) => new Three().GoAsync(uri); }
        class Three { public Task GoAsync(Uri uri) => new Four().GoAsync(uri); }
        class Four { public Task GoAsync(Uri uri) => new ClientWebSocket().ConnectAsync(uri, default); }

        class Client
        {
            private readonly Dialer _dialer = new();
            private readonly Connector _connector = new();
            private readonly Session _session = new();
            private readonly One _one = new();

            public async Task RunAsync(Uri uri, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    try
                    {
                        await {|WS1001:_dialer.OpenAsync(uri, ct)|};
                        return;
                    }
                    catch (WebSocketException)
                    {
                    }
                }
            }

            public void Recover()
            {
                try
                {
                    _connector.Reconnect();
                }
                catch (InvalidOperationException)
                {
                    {|WS1001:_connector.Reconnect()|};
                }
            }

            public async Task ResumeAsync(Uri uri, CancellationToken ct)
            {
                for (var attempt = 0; attempt < 5; attempt++)
                {
                    try { await {|WS1001:_session.ResumeAsync(uri, ct)|}; return; }
                    catch (WebSocketException) { }
                }
            }

            public void Wire(HubConnection hub, IWebsocketClient client)
            {
                var hubSession = new HubSession(hub);
                var feedSession = new FeedSession(client);
                hub.Closed += error => {|WS1001:hubSession.ResumeAsync()|};
                client.DisconnectionHappened.Subscribe(async info => await {|WS1001:feedSession.RestartAsync()|});
            }

            public async Task TooDeepAsync(Uri uri)
            {
                for (var attempt = 0; attempt < 5; attempt++)
                {
                    try { await _one.GoAsync(new Two(), uri); return; }
                    catch (WebSocketException) { }
                }
            }
        }
        """);

    [Fact]
    public Task Waits_and_non_connecting_helpers_in_other_classes_are_seen() => Verify.VerifyAnalyzerAsync(Usings + """
        interface IDialer
        {
            Task OpenAsync(Uri uri, CancellationToken ct);
        }

        class Backoff
        {
            private int _attempt;

            public Task WaitAsync(CancellationToken ct)
            {
                _attempt++;
                return Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000 << Math.Min(_attempt, 5))), ct);
            }
        }

        class Log
        {
            public void Write(string text) => Console.WriteLine(text);
        }

        class Client
        {
            private readonly Backoff _backoff = new();
            private readonly Log _log = new();
            private readonly IDialer _dialer;

            public Client(IDialer dialer) => _dialer = dialer;

            public async Task RunAsync(Uri uri, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await _backoff.WaitAsync(ct);
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await socket.ConnectAsync(uri, ct);
                        return;
                    }
                    catch (WebSocketException)
                    {
                        _log.Write("retrying");
                    }
                }
            }

            public async Task ThroughAnInterfaceAsync(Uri uri, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    try { await _dialer.OpenAsync(uri, ct); return; }
                    catch (WebSocketException) { _log.Write("retrying"); }
                }
            }
        }
        """);
}
