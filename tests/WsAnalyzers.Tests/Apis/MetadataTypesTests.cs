using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WsAnalyzers.Apis;
using WsAnalyzers.Tests.Infrastructure;
using WsAnalyzers.Tests.Verifiers;

namespace WsAnalyzers.Tests.Apis;

/// <summary>
/// <see cref="MetadataTypes"/> keeps each referenced module's answers for the compilations that share the module, and
/// must still resolve every name as a walk of the compilation's merged global namespace does: the compilation's own type
/// first, nothing for a name two references declare publicly, nothing from a reference behind an alias.
/// </summary>
public sealed partial class MetadataTypesTests
{
    private const string Library = """
        namespace Fleck
        {
            public interface IWebSocketConnection { }
            public class WebSocketServer { }
        }

        namespace Probe.Metadata
        {
            public class Outer
            {
                public class Inner { }
            }

            public class Widget<T> { }
        }
        """;

    private const string InternalLibrary = """
        namespace Fleck
        {
            internal class WebSocketServer { }
        }
        """;

    private static readonly MetadataReference LibraryA = Emit("LibraryA", Library);
    private static readonly MetadataReference LibraryB = Emit("LibraryB", Library);
    private static readonly MetadataReference Internal = Emit("InternalLibrary", InternalLibrary);

    [Fact]
    public void EveryTypeTheRulesAskForResolvesAsTheMergedNamespaceResolvesIt()
    {
        var names = AskedNames();
        Assert.Contains("System.Net.WebSockets.WebSocket", names);
        var withStandIns = Compile(TestEnvironment.References, TestEnvironment.StandIns.Select(s => s.Source).ToArray());
        var withoutStandIns = Compile(TestEnvironment.References);
        var net9 = Compile(TestEnvironment.Net9.References);
        foreach (var compilation in new[] { withStandIns, withoutStandIns, net9, withStandIns.Clone(), withoutStandIns.Clone() })
        {
            var types = new MetadataTypes(compilation);
            foreach (var name in names)
            {
                Assert.True(SymbolEqualityComparer.Default.Equals(Merged(compilation, name), types.Find(name)), name);
            }
        }

        Assert.Equal("System.Net.WebSockets", new MetadataTypes(withoutStandIns).Find("System.Net.WebSockets.WebSocket")!.ContainingAssembly.Name);
        Assert.NotNull(new MetadataTypes(withStandIns).Find("Fleck.WebSocketServer"));
        Assert.Null(new MetadataTypes(withoutStandIns).Find("Fleck.WebSocketServer"));
    }

    [Fact]
    public void TheCompilationsOwnTypeWinsOverAReferencedOne()
    {
        var compilation = Compile(TestEnvironment.References.Add(LibraryA), "namespace Fleck { public class WebSocketServer { } }");

        var found = new MetadataTypes(compilation).Find("Fleck.WebSocketServer");

        Assert.Same(compilation.Assembly, found!.ContainingAssembly);
        Assert.Equal("LibraryA", new MetadataTypes(compilation).Find("Fleck.IWebSocketConnection")!.ContainingAssembly.Name);
        AssertAsMerged(compilation);
    }

    [Fact]
    public void TwoPublicTypesResolveToNothingAndAPublicTypeBeatsAnInternalOne()
    {
        var ambiguous = Compile(TestEnvironment.References.Add(LibraryA).Add(LibraryB));
        var withInternal = Compile(TestEnvironment.References.Add(Internal).Add(LibraryB));

        Assert.Null(new MetadataTypes(ambiguous).Find("Fleck.WebSocketServer"));
        Assert.Equal("LibraryB", new MetadataTypes(withInternal).Find("Fleck.WebSocketServer")!.ContainingAssembly.Name);
        AssertAsMerged(ambiguous);
        AssertAsMerged(withInternal);
    }

    [Fact]
    public void AReferenceBehindAnAliasIsNotSearched()
    {
        var compilation = Compile(TestEnvironment.References.Add(LibraryA.WithAliases(["other"])));

        Assert.Null(new MetadataTypes(compilation).Find("Fleck.WebSocketServer"));
        AssertAsMerged(compilation);
    }

    [Fact]
    public void CompilationsThatShareAModuleGetItsAnswersAndNoOthers()
    {
        var first = Compile(TestEnvironment.References.Add(LibraryA));
        var withoutLibrary = Compile(TestEnvironment.References);
        var again = Compile(TestEnvironment.References.Add(LibraryA));

        var fromFirst = new MetadataTypes(first).Find("Fleck.WebSocketServer");
        Assert.Null(new MetadataTypes(withoutLibrary).Find("Fleck.WebSocketServer"));
        var types = new MetadataTypes(again);
        var fromAgain = types.Find("Fleck.WebSocketServer");

        Assert.Equal("LibraryA", fromFirst!.ContainingAssembly.Name);
        Assert.Equal("LibraryA", fromAgain!.ContainingAssembly.Name);

        // Names the module is first asked after it has answered others, nested and generic ones among them.
        Assert.Equal("Inner", types.Find("Probe.Metadata.Outer+Inner")!.Name);
        Assert.Equal(1, types.Find("Probe.Metadata.Widget`1")!.Arity);
        Assert.Null(types.Find("Probe.Metadata.Widget"));
        Assert.Null(new MetadataTypes(withoutLibrary).Find("Probe.Metadata.Outer+Inner"));
        AssertAsMerged(again);
        AssertAsMerged(withoutLibrary);
    }

    private static void AssertAsMerged(Compilation compilation)
    {
        var types = new MetadataTypes(compilation);
        foreach (var name in new[]
        {
            "Fleck.WebSocketServer", "Fleck.IWebSocketConnection", "Probe.Metadata.Outer+Inner", "Probe.Metadata.Widget`1",
            "System.Net.WebSockets.WebSocket", "System.Exception", "Missing.Namespace.Type",
        })
        {
            Assert.True(SymbolEqualityComparer.Default.Equals(Merged(compilation, name), types.Find(name)), name);
        }
    }

    /// <summary>The reference answer: a walk of the compilation's merged global namespace.</summary>
    private static INamedTypeSymbol? Merged(Compilation compilation, string metadataName)
    {
        var parts = metadataName.Split('+');
        var lastDot = parts[0].LastIndexOf('.');
        var container = (INamespaceSymbol?)compilation.GlobalNamespace;
        foreach (var segment in lastDot > 0 ? parts[0][..lastDot].Split('.') : [])
        {
            container = container?.GetNamespaceMembers().FirstOrDefault(n => n.Name == segment);
        }

        var type = container is null ? null : Pick(compilation, container.GetTypeMembers(Name(parts[0][(lastDot + 1)..]), Arity(parts[0])));
        for (var i = 1; i < parts.Length && type is not null; i++)
        {
            type = Pick(compilation, type.GetTypeMembers(Name(parts[i]), Arity(parts[i])));
        }

        return type;
    }

    private static INamedTypeSymbol? Pick(Compilation compilation, ImmutableArray<INamedTypeSymbol> candidates)
    {
        if (candidates.Length <= 1)
        {
            return candidates.FirstOrDefault();
        }

        var own = candidates.FirstOrDefault(c => SymbolEqualityComparer.Default.Equals(c.ContainingAssembly, compilation.Assembly));
        var publicOnes = candidates.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        return own ?? (publicOnes.Count == 1 ? publicOnes[0] : null);
    }

    private static string Name(string part) => part.Split('`')[0];

    private static int Arity(string part) => part.Contains('`') ? int.Parse(part.Split('`')[1]) : 0;

    /// <summary>Every metadata name the analyzers' sources look up with <c>Find("...")</c>.</summary>
    private static List<string> AskedNames() =>
        Directory.EnumerateFiles(RepositoryPaths.Combine("src", "WsAnalyzers"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => FindCall().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

    [GeneratedRegex("""Find\("([^"]+)"\)""")]
    private static partial Regex FindCall();

    private static CSharpCompilation Compile(IEnumerable<MetadataReference> references, params string[] sources) =>
        CSharpCompilation.Create(
            "Probe",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, path: $"File{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static MetadataReference Emit(string assemblyName, string source)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            TestEnvironment.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
