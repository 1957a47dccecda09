using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Reconnect;

/// <summary>WS1002 on the shapes real code has (issue 16): the wait that is on every path is judged, and a path without
/// any wait is WS1001's.</summary>
public sealed class WS1002RealCodeShapesTests
{
    private static readonly RuleVerifier<ReconnectAnalyzer, EmptyCodeFixProvider> Verify = new(RuleIdentifiers.ReconnectWithoutBackoff);

    private const string Usings = WS1001ReconnectWithoutDelayTests.Usings;

    [Fact]
    public Task A_constant_wait_on_every_path_is_flagged_and_a_path_without_one_is_not_WS1002() => Verify.VerifyAnalyzerAsync(Usings + """
        class Client
        {
            private volatile bool _stop;

            public async Task WaitAfterTheTryAsync(Uri uri, CancellationToken ct)
            {
                while (!_stop)
                {
                    using var socket = new ClientWebSocket();
                    try
                    {
                        await {|WS1002:socket.ConnectAsync(uri, ct)|};
                        await ReceiveUntilClosedAsync(socket, ct);
                    }
                    catch (WebSocketException)
                    {
                    }

                    await Task.Delay(5000, ct);
                }
            }

            public async Task WaitOnlyInTheCatchAsync(Uri uri, CancellationToken ct)
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
                        await Task.Delay(5000, ct);
                    }
                }
            }

            public void Wire(WebSocketSharp.WebSocket sharp)
            {
                sharp.OnClose += (sender, e) =>
                {
                    if (e.Code == 1006)
                    {
                        Thread.Sleep(2000);
                        {|WS1002:sharp.Connect()|};
                    }
                    else if (e.Code != 1000)
                    {
                        sharp.Connect();
                    }
                };
            }

            private static Task ReceiveUntilClosedAsync(ClientWebSocket socket, CancellationToken ct) => Task.CompletedTask;
        }
        """);

    [Fact]
    public Task A_helper_in_another_class_with_a_constant_wait_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        class Dialer
        {
            private ClientWebSocket _socket = new();

            public async Task OpenAsync(Uri uri, CancellationToken ct)
            {
                _socket = new ClientWebSocket();
                await _socket.ConnectAsync(uri, ct);
            }
        }

        class Pause
        {
            public static Task ShortAsync(CancellationToken ct) => Task.Delay(2000, ct);
        }

        class Client
        {
            private readonly Dialer _dialer = new();

            public async Task RunAsync(Uri uri, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    try
                    {
                        await {|WS1002:_dialer.OpenAsync(uri, ct)|};
                        return;
                    }
                    catch (WebSocketException)
                    {
                        await Pause.ShortAsync(ct);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task A_queued_reconnect_after_a_constant_wait_is_flagged() => Verify.VerifyAnalyzerAsync(Usings + """
        using System.Collections.Concurrent;

        class Client
        {
            private readonly BlockingCollection<Action> _pump = new();

            public Client(WebSocketSharp.WebSocket sharp)
            {
                sharp.OnClose += (sender, e) =>
                {
                    Thread.Sleep(3000);
                    _pump.Add(() => {|WS1002:sharp.Connect()|});
                };
                sharp.OnError += (sender, e) => _pump.Add(() =>
                {
                    Thread.Sleep(3000);
                    {|WS1002:sharp.Connect()|};
                });
            }
        }
        """);
}
