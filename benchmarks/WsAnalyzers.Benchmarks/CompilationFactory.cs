using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WsAnalyzers.Benchmarks;

internal static class CompilationFactory
{
    private static readonly IReadOnlyList<MetadataReference> References = ReferencePacks.Load();

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
