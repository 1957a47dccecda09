using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.CodeFixes.Reconnect;
using WsAnalyzers.Core;
using WsAnalyzers.Reconnect;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Rules.Reconnect;

/// <summary>The reconnect family (WS1001-WS1005) on broken code, and the backoff fix in a C# 7.3 project.</summary>
public sealed class WS1001ReconnectRulesRobustnessTests
{
    private static readonly RuleVerifier<ReconnectAnalyzer, ReconnectBackoffCodeFixProvider> VerifyNoDelay = new(RuleIdentifiers.ReconnectWithoutDelay);

    [Fact]
    public async Task Incomplete_code_does_not_break_any_reconnect_rule()
    {
        const string source = """
            using System;
            using System.Net.WebSockets;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.SignalR.Client;
            using Websocket.Client;

            class Broken : IRetryPolicy
            {
                private ClientWebSocket _socket;
                private HubConnection _hub;

                public TimeSpan? NextRetryDelay(RetryContext context) => TimeSpan.FromSeconds(
                public async Task GoAsync(IWebsocketClient client, WebSocketSharp.WebSocket sharp)
                {
                    while (
                    {
                        try { await _socket.ConnectAsync( } catch { await GoAsync(; }
                        await Task.Delay(Random.Shared.Next(1 <<
                    }
                    _hub.Closed += async e => { if (e is ) await _hub.StartAsync(
                    sharp.OnClose += (s, e) => sharp.Connect(
                    client.DisconnectionHappened.Subscribe(i => client.Reconnect();
                    foreach (var x in ) { using var ws = new ClientWebSocket(); await ws.ConnectAsync(null, default); await ws.SendAsync(x
                }
            """;
        var references = TestEnvironment.References;
        var trees = TestEnvironment.StandIns.Select(s => CSharpSyntaxTree.ParseText(s.Source))
            .Append(CSharpSyntaxTree.ParseText(source));
        var compilation = CSharpCompilation.Create("Broken", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ReconnectAnalyzer());

        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAllDiagnosticsAsync();

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task Incomplete_paths_through_lambdas_other_classes_and_jumps_do_not_break_any_reconnect_rule()
    {
        const string source = """
            using System;
            using System.Collections.Concurrent;
            using System.Net.WebSockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Dialer { public Task OpenAsync(Uri uri) => new ClientWebSocket().ConnectAsync(uri, ; }

            class Broken
            {
                private readonly ClientWebSocket _socket = new();
                private readonly ConcurrentQueue<Action> _pump = new();
                private readonly Dialer _dialer = new();

                public async Task RunAsync(Uri uri, Func<Task> session)
                {
                    while (true)
                    {
                    again:
                        try { await _socket.ConnectAsync(uri, default); await session(); }
                        catch (Exception e) when (e. ) { await Task.Delay(1000); goto again; }
                        catch { continue }
                        await _dialer.OpenAsync(
                        _ = Task.Run(async () => { await _socket.ConnectAsync(uri, default) });
                        _pump.Enqueue(() => Reconnect(;
                        connected = _socket.ConnectAsync(uri, default).Wait(;
                    }
                }

                private void Reconnect() => _socket.ConnectAsync(null, default).Wait();
            """;
        var trees = TestEnvironment.StandIns.Select(s => CSharpSyntaxTree.ParseText(s.Source))
            .Append(CSharpSyntaxTree.ParseText(source));
        var compilation = CSharpCompilation.Create("Broken", trees, TestEnvironment.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ReconnectAnalyzer());

        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAllDiagnosticsAsync();

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public Task Backoff_fix_compiles_in_a_CSharp_7_3_project()
    {
        var test = VerifyNoDelay.CreateTest("""
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.SignalR.Client;

            class Client
            {
                private readonly HubConnection _hub;

                public Client(HubConnection hub)
                {
                    _hub = hub;
                    _hub.Closed += error => {|WS1001:_hub.StartAsync()|};
                }
            }
            """, """
            using System;
            using System.Threading.Tasks;
            using Microsoft.AspNetCore.SignalR.Client;

            class Client
            {
                private readonly HubConnection _hub;
                private int _reconnectAttempts;
                private static readonly Random ReconnectJitter = new Random();

                public Client(HubConnection hub)
                {
                    _hub = hub;
                    _hub.Closed += async error =>
                    {
                        _reconnectAttempts++;
                        await Task.Delay(ReconnectDelay(_reconnectAttempts));
                        await _hub.StartAsync();
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
        // The websocket-sharp and Fleck stand-ins use C# 8 syntax; this project only needs SignalR.
        foreach (var sources in new[] { test.TestState.Sources, test.FixedState.Sources })
        {
            for (var i = sources.Count - 1; i >= 0; i--)
            {
                if (sources[i].filename.StartsWith("/0/StandIns/", System.StringComparison.Ordinal))
                {
                    sources.RemoveAt(i);
                }
            }
        }

        test.SolutionTransforms.Add((solution, projectId) =>
            solution.WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.CSharp7_3)));
        return test.RunAsync();
    }
}
