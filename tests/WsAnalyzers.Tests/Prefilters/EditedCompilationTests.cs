using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Tests.Prefilters;

/// <summary>
/// An edit in the IDE makes a new compilation that shares every other file's tree with the one before, and what the
/// whole-file searches find is kept per tree: the next compilation answers from the edited file as it is now, and from
/// the other files as they were searched before.
/// </summary>
public sealed class EditedCompilationTests
{
    private const string Ordinary = GateCompilations.OrdinaryService;

    private const string OriginCheck = """
        using Microsoft.AspNetCore.Http;

        public sealed class ReportService
        {
            public static bool FromUs(HttpContext context) => context.Request.Headers.Origin == "https://app.example.com";
        }
        """;

    [Fact]
    public void A_file_edited_to_use_a_websocket_is_relevant_in_the_next_compilation()
    {
        var before = Compile(Ordinary, WebSocketRelevanceTests.PublicRegistry);
        Assert.False(WebSocketRelevance.For(before).IsRelevant(Type(before, "ReportService")));

        var after = Edit(before, 0, "using System.Net.WebSockets;\n" + Ordinary.Replace("Thread.Sleep(10);", "Thread.Sleep(10);\n    public WebSocket? Socket { get; set; }"));

        Assert.Same(before.SyntaxTrees.Last(), after.SyntaxTrees.Last());
        Assert.True(WebSocketRelevance.For(after).IsRelevant(Type(after, "ReportService")));
        Assert.True(WebSocketRelevance.For(after).IsRelevant(Type(after, "Registry")));
        Assert.False(WebSocketRelevance.For(before).IsRelevant(Type(before, "ReportService")));
    }

    [Fact]
    public void A_global_using_added_by_an_edit_makes_every_type_relevant_in_the_next_compilation()
    {
        var before = Compile(Ordinary, WebSocketRelevanceTests.PublicRegistry);

        var after = Edit(before, 1, "global using System.Net.WebSockets;\n" + WebSocketRelevanceTests.PublicRegistry);

        Assert.True(WebSocketRelevance.For(after).IsRelevant(Type(after, "ReportService")));
        Assert.False(WebSocketRelevance.For(before).IsRelevant(Type(before, "ReportService")));
    }

    [Fact]
    public async Task An_origin_check_added_in_another_file_clears_WS6003_and_comes_back_when_the_edit_is_undone()
    {
        var before = Compile(Ordinary, WebSocketRelevanceTests.PublicRegistry);
        Assert.Contains(await AnalyzeAsync(before), d => d.Id == "WS6003");

        var checking = Edit(before, 0, OriginCheck);
        Assert.DoesNotContain(await AnalyzeAsync(checking), d => d.Id == "WS6003");

        // Undone: the first compilation's tree again, whose searches were made for the first compilation.
        var undone = checking.ReplaceSyntaxTree(checking.SyntaxTrees.First(), before.SyntaxTrees.First());
        Assert.Contains(await AnalyzeAsync(undone), d => d.Id == "WS6003");
    }

    private static CSharpCompilation Compile(params string[] sources) => GateCompilations.Compile(sources);

    /// <summary>The compilation an editor makes when file <paramref name="index"/> is changed to <paramref name="source"/>:
    /// the same path, a tree of the new text, every other tree shared.</summary>
    private static CSharpCompilation Edit(CSharpCompilation compilation, int index, string source)
    {
        var tree = compilation.SyntaxTrees.ElementAt(index);
        var text = tree.GetText();
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(0, text.Length), source))));
    }

    private static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation) => GateCompilations.AnalyzeAsync(compilation);

    private static INamedTypeSymbol Type(Compilation compilation, string name) => GateCompilations.Type(compilation, name);
}
