using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using WsAnalyzers.Prefilters;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Prefilters;

/// <summary>
/// The compiler reads a file of 40 K characters or more from disk as chunks, not as one string, and the searches of every
/// file read such a text through a buffer the thread reuses: what they find there, past the first chunk and after a
/// larger file, is what they find in the same file made from a string.
/// </summary>
public sealed class LargeFileTests
{
    private const string Ordinary = GateCompilations.OrdinaryService;

    private const string PublicRegistry = WebSocketRelevanceTests.PublicRegistry;

    private const string Follower = """
        using System.Net.WebSockets;
        using System.Threading.Tasks;

        public static class Follower
        {
            public static async Task FollowAsync()
            {
                using var client = new ClientWebSocket();
                await client.ConnectAsync(Endpoints.Feed, default);
            }
        }
        """;

    private const string Sweeper = """
        using System;

        public sealed class Sweeper
        {
            public void Forget(Guid id) => Registry.Sockets.TryRemove(id, out _);
        }
        """;

    private const string Address = """
        public static class Endpoints
        {
            public static readonly System.Uri Feed = new("WS://feed.example.com/prices");
        }
        """;

    [Fact]
    public async Task A_WebSocket_api_past_the_first_chunk_of_a_large_file_is_analyzed_as_in_a_string()
    {
        // The larger file first, so that the smaller one is read into a buffer that still holds the end of the larger.
        var sources = new[] { Padded(Ordinary, 90_000), Padded(PublicRegistry, 60_000), Padded(Address, 50_000), Follower };
        var chunked = Compile(sources, FromDisk);

        Assert.All(chunked.SyntaxTrees.Take(3), tree => Assert.NotSame(tree.GetText().ToString(), tree.GetText().ToString()));
        var relevance = WebSocketRelevance.For(chunked);
        Assert.False(relevance.IsRelevant(Type(chunked, "ReportService")));
        Assert.True(relevance.IsRelevant(Type(chunked, "Registry")));
        Assert.True(relevance.IsRelevant(Type(chunked, "Endpoints")));

        var diagnostics = await AnalyzeAsync(chunked);
        Assert.Contains(diagnostics, d => d.Id == "WS2001");
        Assert.Contains(diagnostics, d => d.Id == "WS6002");
        Assert.Equal(Describe(await AnalyzeAsync(Compile(sources, FromString))), Describe(diagnostics));
    }

    [Fact]
    public async Task A_removal_in_a_large_file_the_gate_skips_is_seen_as_in_a_string()
    {
        var sources = new[] { Padded(PublicRegistry, 70_000), Padded(Sweeper, 45_000) };

        var diagnostics = await AnalyzeAsync(Compile(sources, FromDisk));

        Assert.DoesNotContain(diagnostics, d => d.Id is "WS2001" or "WS2003");
        Assert.Equal(Describe(await AnalyzeAsync(Compile(sources, FromString))), Describe(diagnostics));
    }

    private static string Padded(string source, int length)
    {
        var padding = new StringBuilder();
        while (padding.Length < length)
        {
            padding.Append("// ").Append('-', 70).Append('\n');
        }

        return padding + source;
    }

    private static SourceText FromDisk(string source) =>
        SourceText.From(new MemoryStream(Encoding.UTF8.GetBytes(source)), Encoding.UTF8);

    private static SourceText FromString(string source) => SourceText.From(source, Encoding.UTF8);

    private static CSharpCompilation Compile(string[] sources, System.Func<string, SourceText> read) =>
        CSharpCompilation.Create(
            "Large",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(read(s), path: $"File{i}.cs")),
            TestEnvironment.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation) => GateCompilations.AnalyzeAsync(compilation);

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()}").OrderBy(d => d, System.StringComparer.Ordinal).ToArray();

    private static INamedTypeSymbol Type(Compilation compilation, string name) => GateCompilations.Type(compilation, name);
}
