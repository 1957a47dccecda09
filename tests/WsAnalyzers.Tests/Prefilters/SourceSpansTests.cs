using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Tests.Prefilters;

/// <summary>The text prefilter that decides which loops and types are analyzed: a miss here would be a missed finding.</summary>
public sealed class SourceSpansTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4090)]
    [InlineData(4093)]
    [InlineData(4094)]
    [InlineData(4096)]
    [InlineData(9000)]
    public void Finds_a_word_wherever_it_falls_relative_to_the_scan_chunks(int padding)
    {
        var source = "class C { void M() { /*" + new string('x', padding) + "*/ Send(); } void Send() { } }";
        var method = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First();

        Assert.True(SourceSpans.Contains(method, "Send"));
        Assert.False(SourceSpans.Contains(method, "Connect"));
    }

    [Fact]
    public void Looks_only_inside_the_node()
    {
        var root = CSharpSyntaxTree.ParseText("class A { void M() { } } class B { void Send() { } }").GetRoot();
        var first = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().First();

        Assert.False(SourceSpans.Contains(first, "Send"));
    }
}
