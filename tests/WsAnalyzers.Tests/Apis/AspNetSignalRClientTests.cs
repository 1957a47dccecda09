using System.Threading.Tasks;
using WsAnalyzers.CodeFixes.MessageHandlers;
using WsAnalyzers.CodeFixes.Reconnect;
using WsAnalyzers.CodeFixes.Sending;
using WsAnalyzers.Core;
using WsAnalyzers.MessageHandlers;
using WsAnalyzers.Reconnect;
using WsAnalyzers.Sending;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Apis;

/// <summary>
/// The ASP.NET SignalR 2.x client (<c>Microsoft.AspNet.SignalR.Client</c> 2.4.2, the real package): its
/// <c>Connection</c> / <c>HubConnection</c> raises Closed when reconnecting has given up and after the application's own
/// Stop(), Reconnecting when the connection drops, StateChanged on every change; Start() reconnects. Hub proxy
/// <c>On(...)</c> handlers and <c>Received</c> are message handlers.
/// </summary>
public sealed class AspNetSignalRClientTests
{
    private static readonly RuleVerifier<ReconnectAnalyzer, ReconnectBackoffCodeFixProvider> NoDelay = new(RuleIdentifiers.ReconnectWithoutDelay);
    private static readonly RuleVerifier<ReconnectAnalyzer, ReconnectBackoffCodeFixProvider> NoBackoff = new(RuleIdentifiers.ReconnectWithoutBackoff);
    private static readonly RuleVerifier<ReconnectAnalyzer, ReconnectAfterNormalClosureCodeFixProvider> AfterNormalClosure = new(RuleIdentifiers.ReconnectAfterNormalClosure);
    private static readonly RuleVerifier<SendingAnalyzer, SendWithoutStateCheckCodeFixProvider> StateCheck = new(RuleIdentifiers.SendWithoutStateCheck);
    private static readonly RuleVerifier<MessageHandlersAnalyzer, BlockingCallInHandlerCodeFixProvider> Blocking = new(RuleIdentifiers.BlockingCallInHandler);

    private const string Usings = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNet.SignalR.Client;

        """;

    [Fact]
    public Task Restarting_from_Closed_Reconnecting_StateChanged_Error_a_retry_loop_or_a_catch_without_delay_is_flagged() => NoDelay.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly HubConnection _connection = new("https://example.org/signalr");

            public Client()
            {
                _connection.Closed += () => {|WS1001:_connection.Start()|};
                _connection.Reconnecting += async () => await {|WS1001:_connection.Start()|};
                _connection.StateChanged += change =>
                {
                    if (change.NewState == ConnectionState.Disconnected)
                    {
                        {|WS1001:_connection.Start()|};
                    }
                };
                _connection.Error += error => {|WS1001:Restart()|};
            }

            private Task Restart() => _connection.Start();

            public async Task ConnectAsync()
            {
                while (true)
                {
                    try
                    {
                        await {|WS1001:_connection.Start()|};
                        return;
                    }
                    catch (Exception)
                    {
                    }
                }
            }

            public async Task ConnectOnceAsync()
            {
                try
                {
                    await _connection.Start();
                }
                catch (Exception)
                {
                    await {|WS1001:_connection.Start()|};
                }
            }
        }
        """);

    [Fact]
    public Task The_fix_waits_with_backoff_and_jitter_in_the_Closed_handler() => NoDelay.VerifyCodeFixAsync(Usings + """
        class Client
        {
            private readonly HubConnection _connection = new("https://example.org/signalr");

            public Client()
            {
                _connection.Closed += async () =>
                {
                    await {|WS1001:_connection.Start()|};
                };
            }
        }
        """, Usings + """
        class Client
        {
            private readonly HubConnection _connection = new("https://example.org/signalr");
            private int _reconnectAttempts;
            private static readonly Random ReconnectJitter = new Random();

            public Client()
            {
                _connection.Closed += async () =>
                {
                    _reconnectAttempts++;
                    await Task.Delay(ReconnectDelay(_reconnectAttempts));
                    await _connection.Start();
                    _reconnectAttempts = 0;
                };
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
    public Task A_constant_wait_before_the_restart_is_flagged_as_no_backoff() => NoBackoff.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly HubConnection _connection = new("https://example.org/signalr");

            public Client()
            {
                _connection.Closed += async () =>
                {
                    await Task.Delay(5000);
                    await {|WS1002:_connection.Start()|};
                };
            }
        }
        """);

    [Fact]
    public Task A_growing_jittered_wait_and_a_first_start_are_not_flagged() => NoDelay.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private static readonly Random Jitter = new();
            private readonly Connection _connection = new("https://example.org/echo");
            private int _attempts;

            public Client()
            {
                _connection.Closed += async () =>
                {
                    _attempts++;
                    await Task.Delay(TimeSpan.FromMilliseconds(Jitter.Next(0, (int)Math.Min(30000, 500 * Math.Pow(2, _attempts)))));
                    await _connection.Start();
                    _attempts = 0;
                };
            }

            public Task StartAsync() => _connection.Start();
        }
        """);

    [Fact]
    public Task Look_alike_events_and_Start_methods_of_other_types_are_not_reconnects() => NoDelay.VerifyAnalyzerAsync(Usings + """
        class Pump
        {
            public event Action Closed;
            public Task Start() => Task.CompletedTask;
        }

        class Client
        {
            private readonly Pump _pump = new();

            public Client()
            {
                _pump.Closed += () => _pump.Start();
            }
        }
        """);

    [Fact]
    public Task Restarting_from_Closed_without_a_flag_of_the_application_fights_its_own_Stop() => AfterNormalClosure.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly HubConnection _connection = new("https://example.org/signalr");
            private volatile bool _stopping;

            public Client()
            {
                _connection.Closed += async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(new Random().Next(1, 30)));
                    await {|WS1003:_connection.Start()|};
                };
                _connection.StateChanged += change =>
                {
                    if (change.NewState == ConnectionState.Disconnected)
                    {
                        {|WS1003:_connection.Start()|};
                    }
                };
            }

            public void Stop()
            {
                _stopping = true;
                _connection.Stop();
            }
        }

        class GuardedClient
        {
            private readonly HubConnection _connection = new("https://example.org/signalr");
            private volatile bool _stopping;

            public GuardedClient()
            {
                _connection.Closed += async () =>
                {
                    if (_stopping)
                    {
                        return;
                    }

                    await Task.Delay(TimeSpan.FromSeconds(new Random().Next(1, 30)));
                    await _connection.Start();
                };
            }

            public void Stop()
            {
                _stopping = true;
                _connection.Stop();
            }
        }
        """);

    [Fact]
    public Task Client_sends_are_not_flagged_as_the_SignalR_clients_are_not() => StateCheck.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private readonly HubConnection _connection = new("https://example.org/signalr");
            private IHubProxy _chat;

            public async Task SendAsync(string message)
            {
                _chat ??= _connection.CreateHubProxy("chat");
                await _chat.Invoke("Send", message);
                await _connection.Send(message);
            }
        }
        """);

    [Fact]
    public Task Blocking_in_a_hub_proxy_handler_is_flagged_and_the_fix_makes_the_lambda_async() => Blocking.VerifyCodeFixAsync(Usings + """
        class Client
        {
            public Client(HubConnection connection)
            {
                var chat = connection.CreateHubProxy("chat");
                chat.On<string>("addMessage", message =>
                {
                    {|WS4002:Thread.Sleep(100)|};
                    Console.WriteLine(message);
                });
            }
        }
        """, Usings + """
        class Client
        {
            public Client(HubConnection connection)
            {
                var chat = connection.CreateHubProxy("chat");
                chat.On<string>("addMessage", async message =>
                {
                    await Task.Delay(100);
                    Console.WriteLine(message);
                });
            }
        }
        """);

    [Fact]
    public Task Blocking_in_Received_is_flagged_and_in_a_look_alike_event_it_is_not() => Blocking.VerifyAnalyzerAsync(Usings + """
        class Feed
        {
            public event Action<string> Received;
        }

        class Client
        {
            public Client(Connection connection, Feed feed, Func<string, Task> store)
            {
                connection.Received += data => {|WS4002:store(data).Wait()|};
                feed.Received += data => store(data).Wait();
            }
        }
        """);
}
