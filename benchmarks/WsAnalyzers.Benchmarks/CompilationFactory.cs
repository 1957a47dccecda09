using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
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
            AssemblyName(name),
            sources.Select(s => CSharpSyntaxTree.ParseText(AsReadFromDisk(s.Text), parseOptions, s.Path)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The corpus's name as an assembly name: a folder's path has characters an assembly name may not have, and the
    /// compiler's error for it (CS8203) was counted with the corpus's own errors.</summary>
    private static string AssemblyName(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());

    /// <summary>The text as the compiler reads a file from disk: a file of 40 K characters or more becomes a text of chunks,
    /// not one string, and the analyzers' whole-file reads of it cost what they cost in a build (measured from strings,
    /// jellyfin hid half of the rules' cost).</summary>
    private static SourceText AsReadFromDisk(string text) =>
        SourceText.From(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8);
}
