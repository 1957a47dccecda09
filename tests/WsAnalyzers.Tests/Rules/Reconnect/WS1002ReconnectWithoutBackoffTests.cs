using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Reconnect;

public sealed class WS1002ReconnectWithoutBackoffTests
{
    private static readonly RuleVerifier<ReconnectAnalyzer, EmptyCodeFixProvider> Verify = new(RuleIdentifiers.ReconnectWithoutBackoff);

    private const string Usings = WS1001ReconnectWithoutDelayTests.Usings;

    [Fact]
    public Task Constant_random_only_and_growth_only_delays_are_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Clients
        {
            private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
            private readonly WebSocketSharp.WebSocket _sharp = new("wss://example.org");
            private readonly HubConnection _hub = new HubConnectionBuilder().WithUrl("https://example.org/hub").Build();
            private readonly WebsocketClient _client = new(new Uri("wss://example.org"));
            private readonly Random _random = new();

            public void Wire()
            {
                _sharp.OnClose += (sender, e) =>
                {
                    Thread.Sleep(5000);
                    {|WS1002:_sharp.Connect()|};
                };
                _hub.Closed += async error =>
                {
                    await Task.Delay(RetryDelay);
                    await {|WS1002:_hub.StartAsync()|};
                };
                _client.DisconnectionHappened.Subscribe(async info =>
                {
                    await Task.Delay(_random.Next(1000, 5000));
                    {|WS1002:_client.Reconnect()|};
                });
            }

            public async Task GrowthWithoutJitterAsync(Uri uri, CancellationToken ct)
            {
                var delay = TimeSpan.FromSeconds(1);
                while (!ct.IsCancellationRequested)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await {|WS1002:socket.ConnectAsync(uri, ct)|};
                        delay = TimeSpan.FromSeconds(1);
                        return;
                    }
                    catch (WebSocketException)
                    {
                        await Task.Delay(delay, ct);
                        delay = delay * 2;
                    }
                }
            }

            public async Task PowerWithoutJitterAsync(CancellationToken ct)
            {
                for (var attempt = 0; attempt < 10; attempt++)
                {
                    try
                    {
                        await {|WS1002:_hub.StartAsync(ct)|};
                        return;
                    }
                    catch (Exception)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)), ct);
                    }
                }
            }

            public async Task JitterWithoutGrowthAsync()
            {
                try
                {
                    await _hub.StartAsync();
                }
                catch (Exception)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(1000 + Random.Shared.Next(500)));
                    await {|WS1002:_hub.StartAsync()|};
                }
            }

            public async Task HelperWithConstantDelayAsync()
            {
                try
                {
                    await _hub.StartAsync();
                }
                catch (Exception)
                {
                    await {|WS1002:RetryAsync()|};
                }
            }

            private async Task RetryAsync()
            {
                await Task.Delay(3000);
                await _hub.StartAsync();
            }
        }
        """);

    [Fact]
    public Task Reconnects_deferred_by_a_timer_or_a_continuation_use_its_wait() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private Timer _timer;

            public void Wire(WebSocketSharp.WebSocket ws, HubConnection hub)
            {
                ws.OnClose += (sender, e) => _timer = new Timer(_ => {|WS1002:ws.Connect()|}, null, 5000, Timeout.Infinite);
                hub.Closed += error => Task.Delay(TimeSpan.FromSeconds(3)).ContinueWith(_ => {|WS1002:hub.StartAsync()|});
                hub.Closed += error => Task.Delay(Random.Shared.Next(0, 1000 << Math.Min(hub.ConnectionId.Length, 5))).ContinueWith(_ => hub.StartAsync());
            }
        }
        """);

    [Fact]
    public Task Retry_policy_that_never_gives_up_with_a_constant_delay_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class ForeverPolicy : IRetryPolicy
        {
            public TimeSpan? NextRetryDelay(RetryContext retryContext) => {|WS1002:TimeSpan.FromSeconds(2)|};
        }

        class ExplicitPolicy : IRetryPolicy
        {
            TimeSpan? IRetryPolicy.NextRetryDelay(RetryContext retryContext) => {|WS1002:TimeSpan.FromMilliseconds(500)|};
        }

        class GrowingPolicy : IRetryPolicy
        {
            public TimeSpan? NextRetryDelay(RetryContext retryContext)
            {
                return {|WS1002:TimeSpan.FromSeconds(Math.Pow(2, retryContext.PreviousRetryCount))|};
            }
        }
        """);

    [Fact]
    public Task Growth_is_seen_in_every_spelling_of_the_write_and_a_reassigned_constant_is_not_growth() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly HubConnection _hub;
            private int _failures;

            public Client(HubConnection hub)
            {
                _hub = hub;
                _hub.Closed += async error =>
                {
                    this._failures += 1;
                    var cap = Math.Min(30_000, 1_000 << Math.Min(_failures, 5));
                    await Task.Delay(Random.Shared.Next(cap));
                    await _hub.StartAsync();
                };
            }

            public async Task LoopAsync(Uri uri, CancellationToken ct)
            {
                var @delay = 500.0;
                var w\u0061it = 250;
                while (!ct.IsCancellationRequested)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await socket.ConnectAsync(uri, ct);
                        break;
                    }
                    catch (WebSocketException)
                    {
                        @delay *= 2;
                        wait <<= 1;
                        await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * (@delay + wait)), ct);
                    }
                }
            }

            public async Task ConstantAsync(Uri uri, CancellationToken ct)
            {
                var pause = 1_000;
                while (!ct.IsCancellationRequested)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await {|WS1002:socket.ConnectAsync(uri, ct)|};
                        return;
                    }
                    catch (WebSocketException)
                    {
                        (pause) = 1_000;
                        await Task.Delay(pause + Random.Shared.Next(100), ct);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task Backoff_with_jitter_and_policies_that_give_up_are_not_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly HubConnection _hub;
            private int _attempt;

            public Client(HubConnection hub)
            {
                _hub = hub;
                _hub.Closed += async error =>
                {
                    _attempt++;
                    var ceiling = Math.Min(30_000, 1_000 * Math.Pow(2, _attempt));
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling));
                    await _hub.StartAsync();
                    _attempt = 0;
                };
            }

            public async Task LoopAsync(Uri uri, CancellationToken ct)
            {
                var attempt = 0;
                while (!ct.IsCancellationRequested)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await socket.ConnectAsync(uri, ct);
                        attempt = 0;
                    }
                    catch (WebSocketException)
                    {
                        attempt++;
                    }

                    await Task.Delay(NextDelay(attempt), ct);
                }
            }

            public async Task ShiftAsync(Uri uri, CancellationToken ct)
            {
                var random = new Random();
                for (var attempt = 0; ; attempt++)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await socket.ConnectAsync(uri, ct);
                        return;
                    }
                    catch (WebSocketException)
                    {
                        await Task.Delay(random.Next(0, 100 << Math.Min(attempt, 10)), ct);
                    }
                }
            }

            public async Task ParkedLoopAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await _hub.StartAsync(ct);
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
            }

            public async Task ConfiguredDelayAsync(TimeSpan configured)
            {
                try { await _hub.StartAsync(); }
                catch (Exception)
                {
                    await Task.Delay(configured);
                    await _hub.StartAsync();
                }
            }

            private static TimeSpan NextDelay(int attempt) =>
                TimeSpan.FromMilliseconds(Random.Shared.Next(0, 1000 * (1 << Math.Min(attempt, 5))));
        }

        class GivesUp : IRetryPolicy
        {
            public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
                retryContext.PreviousRetryCount < 5 ? TimeSpan.FromSeconds(2) : null;
        }

        class JitteredPolicy : IRetryPolicy
        {
            public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
                TimeSpan.FromSeconds(Math.Pow(2, retryContext.PreviousRetryCount) + Random.Shared.NextDouble());
        }
        """);

    [Fact]
    public Task No_delay_at_all_is_WS1001_not_WS1002() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            public void Wire(WebSocketSharp.WebSocket ws) => ws.OnClose += (sender, e) => ws.Connect();
        }
        """);
}
