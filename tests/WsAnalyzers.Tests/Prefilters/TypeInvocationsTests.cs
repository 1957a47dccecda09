using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using WsAnalyzers.Prefilters;

namespace WsAnalyzers.Tests.Prefilters;

/// <summary>
/// The text searches that find a name's uses in a type without walking all of its syntax: they must find every node a
/// walk finds, or a finding that follows a call is missed.
/// </summary>
public sealed class TypeInvocationsTests
{
    private const string Uses = """
        using System;
        class C
        {
            void Foo() { }
            void Foo(int x) { }
            void M(C other)
            {
                Foo(); this.Foo(); other?.Foo(); Foo<int>(); FooBar(); /* Foo() */ var s = "Foo()";
                Action a = Foo; a = this.Foo; @Foo(); Run(Foo); var n = nameof(Foo);
            }
            void Foo<T>() { }
            void Run(Action action) { }
            void FooBar() { }
            class Nested { void Foo() { } void N() { Foo(); } }
        }
        """;

    [Fact]
    public void Finds_the_identifiers_whose_value_is_the_name_and_nothing_else()
    {
        var type = TypeNamed(Parse(Uses), "C");

        var identifiers = TypeInvocations.Identifiers(type, "Foo")!;

        var expected = type.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == "Foo").ToList();
        Assert.Equal(expected, identifiers);
        Assert.Equal(14, identifiers.Count);
    }

    [Fact]
    public void Finds_the_calls_and_names_a_walk_of_the_type_finds()
    {
        var type = TypeNamed(Parse(Uses), "C");

        var nodes = TypeInvocations.NameNodes(type, "Foo")!;

        var walked = type.DescendantNodes(child => child == type || child is not BaseTypeDeclarationSyntax)
            .Where(node => node is InvocationExpressionSyntax invocation ? SyntaxNames.Invoked(invocation.Expression) == "Foo"
                : node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == "Foo")
            .ToList();
        Assert.Equal(walked, nodes);
        Assert.DoesNotContain(nodes, node => node.Ancestors().OfType<ClassDeclarationSyntax>().First() != type);
    }

    [Theory]
    [InlineData("class C { void Foo() { } void M() { F\\u006Fo(); } }")]
    [InlineData("class C { void Foo() { } void M() { Fo\u200Do(); } }")]
    public void Leaves_a_type_whose_identifiers_may_be_spelled_otherwise_to_a_walk(string source)
    {
        var type = TypeNamed(Parse(source), "C");

        Assert.Null(TypeInvocations.Identifiers(type, "Foo"));
        Assert.Null(TypeInvocations.NameNodes(type, "Foo"));
        Assert.True(SourceSpans.MaySpellIdentifiersDifferently(type));
    }

    [Fact]
    public void Searches_a_type_without_escapes_or_formatting_characters()
    {
        var type = TypeNamed(Parse("class C { void Foo() { } void M() { Foo(); } } // caf\u00e9"), "C");

        Assert.False(SourceSpans.MaySpellIdentifiersDifferently(type));
        Assert.Equal(2, TypeInvocations.Identifiers(type, "Foo")!.Count);
    }

    [Fact]
    public void Finds_the_calls_of_top_level_statements_outside_the_types_of_the_file()
    {
        var root = Parse("Foo(); static void Foo() { } class D { void Foo() { } void M() { Foo(); } }");

        var nodes = TypeInvocations.NameNodes(root, "Foo")!;

        Assert.Equal(new[] { "Foo()", "Foo" }, nodes.Select(node => node.ToString()));
        Assert.All(nodes, node => Assert.Empty(node.Ancestors().OfType<ClassDeclarationSyntax>()));
    }

    private static SyntaxNode Parse(string source) => CSharpSyntaxTree.ParseText(source).GetRoot();

    private static ClassDeclarationSyntax TypeNamed(SyntaxNode root, string name) =>
        root.DescendantNodes().OfType<ClassDeclarationSyntax>().First(c => c.Identifier.ValueText == name);
}
