using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WsAnalyzers.Prefilters;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Prefilters;

/// <summary>
/// The per-type gate: code of a type that never spells a WebSocket API is skipped, and nothing the rules report is lost
/// through it (partial declarations, base types, nested types and global usings carry relevance), and no judgement that
/// needs every use of a member is made on the uses the gate let through.
/// </summary>
public sealed class WebSocketRelevanceTests
{
    private const string Ordinary = """
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class ReportService
        {
            public string Render(Task<string> body)
            {
                Thread.Sleep(10);
                return body.Result;
            }
        }
        """;

    private static CSharpCompilation Compile(params string[] sources) =>
        CSharpCompilation.Create(
            "Relevance",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, path: $"File{System.Array.IndexOf(sources, s)}.cs")),
            TestEnvironment.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params string[] sources) => GateCompilations.AnalyzeAsync(Compile(sources));

    private static INamedTypeSymbol Type(Compilation compilation, string name) => GateCompilations.Type(compilation, name);

    [Fact]
    public void A_type_that_spells_no_WebSocket_api_is_skipped_and_one_that_does_is_not()
    {
        var compilation = Compile(Ordinary, "using System.Net.WebSockets; class Client { ClientWebSocket Socket = new(); }");
        var relevance = WebSocketRelevance.For(compilation);

        Assert.False(relevance.IsRelevant(Type(compilation, "ReportService").GetMembers("Render").Single()));
        Assert.True(relevance.IsRelevant(Type(compilation, "Client")));
    }

    [Fact]
    public void Partial_declarations_base_types_and_enclosing_types_carry_relevance()
    {
        var compilation = Compile(
            "using System.Net.WebSockets; partial class Split { } class Base { protected ClientWebSocket Socket = new(); } class Outer { ClientWebSocket S = new(); }",
            "partial class Split { void M() { } } class Derived : Base { void M() { } } partial class Outer { class Inner { void M() { } } }");
        var relevance = WebSocketRelevance.For(compilation);

        Assert.True(relevance.IsRelevant(Type(compilation, "Split").GetMembers("M").Single()));
        Assert.True(relevance.IsRelevant(Type(compilation, "Derived").GetMembers("M").Single()));
        Assert.True(relevance.IsRelevant(Type(compilation, "Inner").GetMembers("M").Single()));
    }

    [Fact]
    public void A_global_using_of_a_WebSocket_namespace_makes_every_type_relevant()
    {
        var compilation = Compile(Ordinary, "global using System.Net.WebSockets;");

        Assert.True(WebSocketRelevance.For(compilation).IsRelevant(Type(compilation, "ReportService")));
    }

    [Fact]
    public async Task A_hub_method_in_a_partial_declaration_that_spells_no_api_is_still_analyzed()
    {
        var diagnostics = await AnalyzeAsync(
            Ordinary,
            "using Microsoft.AspNetCore.SignalR; public partial class ChatHub : Hub { }",
            "using System.Threading; public partial class ChatHub { public void Pause() => Thread.Sleep(50); }");

        Assert.Equal(["WS4002"], diagnostics.Select(d => d.Id));
        Assert.Equal("File2.cs", diagnostics[0].Location.SourceTree!.FilePath);
    }

    [Fact]
    public async Task A_hub_in_a_file_that_relies_on_a_global_using_is_still_analyzed()
    {
        var diagnostics = await AnalyzeAsync(
            Ordinary,
            "global using Microsoft.AspNetCore.SignalR;",
            "using System.Threading; public class ChatHub : Hub { public void Pause() => Thread.Sleep(50); }");

        Assert.Equal(["WS4002"], diagnostics.Select(d => d.Id));
    }

    internal const string PublicRegistry = """
        using System;
        using System.Collections.Concurrent;
        using System.Net.WebSockets;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;

        public static class Registry
        {
            public static readonly ConcurrentDictionary<Guid, WebSocket> Sockets = new();

            public static async Task AcceptAsync(HttpContext context)
            {
                var socket = await context.WebSockets.AcceptWebSocketAsync();
                Sockets[Guid.NewGuid()] = socket;
            }
        }
        """;

    [Fact]
    public async Task A_public_connection_map_never_shrunk_is_reported()
    {
        var diagnostics = await AnalyzeAsync(Ordinary, PublicRegistry);

        Assert.Contains(diagnostics, d => d.Id == "WS2001");
    }

    [Fact]
    public async Task A_public_connection_map_shrunk_in_a_file_the_gate_skips_is_not_reported()
    {
        var diagnostics = await AnalyzeAsync(Ordinary, PublicRegistry, """
            using System;

            public sealed class Sweeper
            {
                public void Forget(Guid id) => Registry.Sockets.TryRemove(id, out _);
            }
            """);

        Assert.DoesNotContain(diagnostics, d => d.Id is "WS2001" or "WS2003");
    }
}
