using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Benchmarks;

internal static class CompilationFactory
{
    private static readonly IReadOnlyList<MetadataReference> References =
        (ReferencePacks.Find(ReferencePacks.RuntimeDotnetRoot) is { AspNetCoreAssemblies: not null } packs
            ? packs.Assemblies
            : throw new System.InvalidOperationException($"No .NET and ASP.NET Core reference packs under {ReferencePacks.RuntimeDotnetRoot}/packs: install the .NET SDK with ASP.NET Core."))
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToList();

    public static CSharpCompilation Create(string name, IEnumerable<(string Path, string Text)> sources)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        return CSharpCompilation.Create(
            name,
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
