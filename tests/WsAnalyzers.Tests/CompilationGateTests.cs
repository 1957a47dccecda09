using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using WsAnalyzers.Apis;
using WsAnalyzers.Tests.Verifiers;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Tests;

/// <summary>The compilation-start gate: rules register actions only when the compilation uses a WebSocket API.</summary>
public sealed class CompilationGateTests
{
    private const string Ordinary = """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        public sealed class OrderService
        {
            private readonly List<string> _orders = new();

            public async Task PlaceAsync(string order)
            {
                _orders.Add(order);
                await Task.Delay(10);
            }
        }
        """;

    private static async Task<Compilation> CompileAsync(params string[] sources)
    {
        var references = TestEnvironment.References;
        return CSharpCompilation.Create(
            "Gate",
            sources.Select(s => CSharpSyntaxTree.ParseText(s)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    [Fact]
    public async Task Closed_when_the_source_uses_no_WebSocket_api_even_though_the_framework_has_one()
    {
        var compilation = await CompileAsync(Ordinary);

        Assert.NotNull(compilation.GetTypeByMetadataName("System.Net.WebSockets.WebSocket"));
        Assert.Null(WebSocketApis.For(compilation));
    }

    [Theory]
    [InlineData("using System.Net.WebSockets; class A { ClientWebSocket S = new(); }")]
    [InlineData("class A { System.Threading.Tasks.Task Go(Microsoft.AspNetCore.Http.HttpContext c) => c.WebSockets.AcceptWebSocketAsync(); }")]
    [InlineData("using Microsoft.AspNetCore.SignalR; class ChatHub : Hub { }")]
    [InlineData("using Websocket.Client; class A { IWebsocketClient C; }")]
    public async Task Open_when_the_source_uses_an_api(string source)
    {
        var compilation = await CompileAsync(Ordinary, source);

        Assert.NotNull(WebSocketApis.For(compilation));
    }

    [Fact]
    public async Task No_rule_registers_an_action_beyond_the_gate_on_code_without_a_WebSocket_api()
    {
        var compilation = await CompileAsync(Ordinary);
        var withAnalyzers = compilation.WithAnalyzers(
            AnalyzerCatalog.Analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        foreach (var analyzer in AnalyzerCatalog.Analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            Assert.Equal(1, telemetry.CompilationStartActionsCount);
            Assert.Equal(0, telemetry.OperationActionsCount + telemetry.SyntaxNodeActionsCount + telemetry.SymbolActionsCount +
                            telemetry.OperationBlockStartActionsCount + telemetry.CompilationEndActionsCount + telemetry.SyntaxTreeActionsCount +
                            telemetry.SemanticModelActionsCount + telemetry.CodeBlockStartActionsCount + telemetry.SymbolStartActionsCount);
        }
    }

    [Fact]
    public async Task Rules_register_actions_when_the_source_uses_an_api()
    {
        var compilation = await CompileAsync(Ordinary, "using System.Net.WebSockets; class A { ClientWebSocket S = new(); }");
        var withAnalyzers = compilation.WithAnalyzers(
            AnalyzerCatalog.Analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var total = 0;
        foreach (var analyzer in AnalyzerCatalog.Analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            total += telemetry.OperationActionsCount + telemetry.SyntaxNodeActionsCount + telemetry.SymbolActionsCount +
                     telemetry.OperationBlockStartActionsCount + telemetry.CompilationEndActionsCount + telemetry.SymbolStartActionsCount;
        }

        Assert.True(total > 0);
    }
}
