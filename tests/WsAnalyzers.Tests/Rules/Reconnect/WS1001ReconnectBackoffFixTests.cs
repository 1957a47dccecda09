using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.Reconnect;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Reconnect;

public sealed class WS1001ReconnectBackoffFixTests
{
    private static readonly RuleVerifier<ReconnectAnalyzer, ReconnectBackoffCodeFixProvider> VerifyNoDelay = new(RuleIdentifiers.ReconnectWithoutDelay);
    private static readonly RuleVerifier<ReconnectAnalyzer, ReconnectBackoffCodeFixProvider> VerifyWeakDelay = new(RuleIdentifiers.ReconnectWithoutBackoff);

    private const string Usings = WS1001ReconnectWithoutDelayTests.Usings;

    [Fact]
    public Task Fix_All_inserts_backoff_in_sync_and_async_handlers_and_adds_the_helper_once() => VerifyNoDelay.VerifyCodeFixAsync(Usings + """
        class Client
        {
            private readonly WebSocketSharp.WebSocket _sharp = new("wss://example.org");
            private readonly HubConnection _hub;

            public Client(HubConnection hub)
            {
                _hub = hub;
                _sharp.OnClose += (sender, e) => {|WS1001:_sharp.Connect()|};
                _hub.Closed += error => {|WS1001:_hub.StartAsync()|};
            }

            public async Task RunAsync(Uri uri, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        // connect and read until closed
                        await {|WS1001:socket.ConnectAsync(uri, ct)|}.ConfigureAwait(false);
                    }
                    catch (WebSocketException)
                    {
                    }
                }
            }
        }
        """, Usings + """
        class Client
        {
            private readonly WebSocketSharp.WebSocket _sharp = new("wss://example.org");
            private readonly HubConnection _hub;
            private int _reconnectAttempts;
            private static readonly Random ReconnectJitter = new Random();

            public Client(HubConnection hub)
            {
                _hub = hub;
                _sharp.OnClose += (sender, e) =>
                {
                    _reconnectAttempts++;
                    Thread.Sleep(ReconnectDelay(_reconnectAttempts));
                    _sharp.Connect();
                    _reconnectAttempts = 0;
                };
                _hub.Closed += async error =>
                {
                    _reconnectAttempts++;
                    await Task.Delay(ReconnectDelay(_reconnectAttempts));
                    await _hub.StartAsync();
                    _reconnectAttempts = 0;
                };
            }

            public async Task RunAsync(Uri uri, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        // connect and read until closed
                        _reconnectAttempts++;
                        await Task.Delay(ReconnectDelay(_reconnectAttempts));
                        await socket.ConnectAsync(uri, ct).ConfigureAwait(false);
                        _reconnectAttempts = 0;
                    }
                    catch (WebSocketException)
                    {
                    }
                }
            }

            /// <summary>Exponential backoff with full jitter: a random delay between zero and 1 s, 2 s, 4 s, ... capped at 30 s.</summary>
            private static TimeSpan ReconnectDelay(int attempt)
            {
                var ceiling = Math.Min(30000, 1000 * Math.Pow(2, Math.Min(attempt, 16)));
                double jitter;
                lock (ReconnectJitter)
                {
                    jitter = ReconnectJitter.NextDouble();
                }

                return TimeSpan.FromMilliseconds(jitter * ceiling);
            }
        }
        """);

    [Fact]
    public Task Fix_turns_an_expression_bodied_handler_method_into_an_async_block() => VerifyNoDelay.VerifyCodeFixAsync(Usings + """
        static class Program
        {
            public static void Wire(HubConnection hub) => hub.Closed += OnClosed;

            private static Task OnClosed(Exception error) => {|WS1001:Restart()|};

            private static Task Restart() => s_hub.StartAsync();

            private static HubConnection s_hub;
        }
        """, Usings + """
        static class Program
        {
            public static void Wire(HubConnection hub) => hub.Closed += OnClosed;

            private static async Task OnClosed(Exception error)
            {
                _reconnectAttempts++;
                await Task.Delay(ReconnectDelay(_reconnectAttempts));
                await Restart();
                _reconnectAttempts = 0;
            }

            private static Task Restart() => s_hub.StartAsync();

            private static HubConnection s_hub;
            private static int _reconnectAttempts;
            private static readonly Random ReconnectJitter = new Random();

            /// <summary>Exponential backoff with full jitter: a random delay between zero and 1 s, 2 s, 4 s, ... capped at 30 s.</summary>
            private static TimeSpan ReconnectDelay(int attempt)
            {
                var ceiling = Math.Min(30000, 1000 * Math.Pow(2, Math.Min(attempt, 16)));
                double jitter;
                lock (ReconnectJitter)
                {
                    jitter = ReconnectJitter.NextDouble();
                }

                return TimeSpan.FromMilliseconds(jitter * ceiling);
            }
        }
        """);

    [Fact]
    public Task WS1002_fix_replaces_the_constant_wait() => VerifyWeakDelay.VerifyCodeFixAsync(Usings + """
        class Client
        {
            private readonly IWebsocketClient _client;

            public Client(IWebsocketClient client)
            {
                _client = client;
                _client.DisconnectionHappened.Subscribe(async info =>
                {
                    await Task.Delay(5000);
                    await {|WS1002:_client.ReconnectOrFail()|};
                });
            }
        }
        """, Usings + """
        class Client
        {
            private readonly IWebsocketClient _client;
            private int _reconnectAttempts;
            private static readonly Random ReconnectJitter = new Random();

            public Client(IWebsocketClient client)
            {
                _client = client;
                _client.DisconnectionHappened.Subscribe(async info =>
                {
                    _reconnectAttempts++;
                    await Task.Delay(ReconnectDelay(_reconnectAttempts));
                    await _client.ReconnectOrFail();
                    _reconnectAttempts = 0;
                });
            }

            /// <summary>Exponential backoff with full jitter: a random delay between zero and 1 s, 2 s, 4 s, ... capped at 30 s.</summary>
            private static TimeSpan ReconnectDelay(int attempt)
            {
                var ceiling = Math.Min(30000, 1000 * Math.Pow(2, Math.Min(attempt, 16)));
                double jitter;
                lock (ReconnectJitter)
                {
                    jitter = ReconnectJitter.NextDouble();
                }

                return TimeSpan.FromMilliseconds(jitter * ceiling);
            }
        }
        """);

    [Fact]
    public Task A_retry_policy_returns_the_backoff_computed_from_the_retry_count() => VerifyWeakDelay.VerifyCodeFixAsync(Usings + """
        class ForeverPolicy : IRetryPolicy
        {
            public TimeSpan? NextRetryDelay(RetryContext retryContext) => {|WS1002:TimeSpan.FromSeconds(2)|};
        }

        class ExplicitPolicy : IRetryPolicy
        {
            private readonly TimeSpan _pause = TimeSpan.FromSeconds(1);

            TimeSpan? IRetryPolicy.NextRetryDelay(RetryContext context)
            {
                if (context.ElapsedTime > TimeSpan.FromHours(1))
                {
                    return {|WS1002:_pause * 10|};
                }

                return {|WS1002:_pause|};
            }
        }
        """, Usings + """
        class ForeverPolicy : IRetryPolicy
        {
            private static readonly Random ReconnectJitter = new Random();

            public TimeSpan? NextRetryDelay(RetryContext retryContext) => ReconnectDelay((int)Math.Min(retryContext.PreviousRetryCount, 16));

            /// <summary>Exponential backoff with full jitter: a random delay between zero and 1 s, 2 s, 4 s, ... capped at 30 s.</summary>
            private static TimeSpan ReconnectDelay(int attempt)
            {
                var ceiling = Math.Min(30000, 1000 * Math.Pow(2, Math.Min(attempt, 16)));
                double jitter;
                lock (ReconnectJitter)
                {
                    jitter = ReconnectJitter.NextDouble();
                }

                return TimeSpan.FromMilliseconds(jitter * ceiling);
            }
        }

        class ExplicitPolicy : IRetryPolicy
        {
            private readonly TimeSpan _pause = TimeSpan.FromSeconds(1);
            private static readonly Random ReconnectJitter = new Random();

            TimeSpan? IRetryPolicy.NextRetryDelay(RetryContext context)
            {
                if (context.ElapsedTime > TimeSpan.FromHours(1))
                {
                    return ReconnectDelay((int)Math.Min(context.PreviousRetryCount, 16));
                }

                return ReconnectDelay((int)Math.Min(context.PreviousRetryCount, 16));
            }

            /// <summary>Exponential backoff with full jitter: a random delay between zero and 1 s, 2 s, 4 s, ... capped at 30 s.</summary>
            private static TimeSpan ReconnectDelay(int attempt)
            {
                var ceiling = Math.Min(30000, 1000 * Math.Pow(2, Math.Min(attempt, 16)));
                double jitter;
                lock (ReconnectJitter)
                {
                    jitter = ReconnectJitter.NextDouble();
                }

                return TimeSpan.FromMilliseconds(jitter * ceiling);
            }
        }
        """);

    [Fact]
    public Task Discarded_blocking_and_embedded_reconnects_get_the_backoff() => VerifyNoDelay.VerifyCodeFixAsync(Usings + """
        class Client
        {
            private volatile bool _stop;

            public Client(IWebsocketClient client, WebSocketSharp.WebSocket sharp)
            {
                client.DisconnectionHappened.Subscribe(info => _ = {|WS1001:client.Reconnect()|});
                sharp.OnClose += (sender, e) =>
                {
                    if (e.Code == 1006)
                    {
                        Thread.Sleep(2000);
                        sharp.Connect();
                    }
                    else if (e.Code != 1000)
                        {|WS1001:sharp.Connect()|}; // not a normal closure
                };
            }

            public void Run(Uri uri)
            {
                while (!_stop)
                {
                    try
                    {
                        using var socket = new ClientWebSocket();
                        {|WS1001:socket.ConnectAsync(uri, CancellationToken.None)|}.Wait(); // blocks this thread
                    }
                    catch (AggregateException)
                    {
                        Thread.Sleep(5000);
                    }
                }
            }
        }
        """, Usings + """
        class Client
        {
            private volatile bool _stop;
            private int _reconnectAttempts;
            private static readonly Random ReconnectJitter = new Random();

            public Client(IWebsocketClient client, WebSocketSharp.WebSocket sharp)
            {
                client.DisconnectionHappened.Subscribe(info =>
                {
                    _reconnectAttempts++;
                    Thread.Sleep(ReconnectDelay(_reconnectAttempts));
                    _ = client.Reconnect();
                    _reconnectAttempts = 0;
                });
                sharp.OnClose += (sender, e) =>
                {
                    if (e.Code == 1006)
                    {
                        Thread.Sleep(2000);
                        sharp.Connect();
                    }
                    else if (e.Code != 1000)
                    {
                        _reconnectAttempts++;
                        Thread.Sleep(ReconnectDelay(_reconnectAttempts));
                        sharp.Connect(); // not a normal closure
                        _reconnectAttempts = 0;
                    }
                };
            }

            public void Run(Uri uri)
            {
                while (!_stop)
                {
                    try
                    {
                        using var socket = new ClientWebSocket();
                        _reconnectAttempts++;
                        Thread.Sleep(ReconnectDelay(_reconnectAttempts));
                        socket.ConnectAsync(uri, CancellationToken.None).Wait(); // blocks this thread
                        _reconnectAttempts = 0;
                    }
                    catch (AggregateException)
                    {
                        Thread.Sleep(5000);
                    }
                }
            }

            /// <summary>Exponential backoff with full jitter: a random delay between zero and 1 s, 2 s, 4 s, ... capped at 30 s.</summary>
            private static TimeSpan ReconnectDelay(int attempt)
            {
                var ceiling = Math.Min(30000, 1000 * Math.Pow(2, Math.Min(attempt, 16)));
                double jitter;
                lock (ReconnectJitter)
                {
                    jitter = ReconnectJitter.NextDouble();
                }

                return TimeSpan.FromMilliseconds(jitter * ceiling);
            }
        }
        """);
}
