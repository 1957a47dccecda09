using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.Cli.Loading;

/// <summary>A folder of C# files without a project, as one project compiled against the installed SDK's reference packs:
/// a program when a file has top-level statements, a library otherwise.</summary>
internal static class LooseFilesWorkspace
{
    // The implicit usings of Microsoft.NET.Sdk, so code written for a project with ImplicitUsings compiles.
    private const string ImplicitUsings =
        "global using global::System;\nglobal using global::System.Collections.Generic;\nglobal using global::System.IO;\n" +
        "global using global::System.Linq;\nglobal using global::System.Net.Http;\nglobal using global::System.Threading;\n" +
        "global using global::System.Threading.Tasks;\n";

    public static Workspace Create(string directory, string dotnetRoot, int sdkMajor)
    {
        var references = References(dotnetRoot, sdkMajor).Select(path => MetadataReference.CreateFromFile(path));
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var name = Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar)) is { Length: > 0 } folder ? folder : "LooseFiles";

        var files = LooseFiles.Enumerate(directory).ToList();
        var documents = files
            .Select(path => Document(projectId, path))
            .Append(DocumentInfo.Create(
                DocumentId.CreateNewId(projectId),
                "WsAnalyzers.ImplicitUsings.g.cs",
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(ImplicitUsings, Encoding.UTF8), VersionStamp.Default)),
                filePath: Path.Combine(directory, "obj", "WsAnalyzers.ImplicitUsings.g.cs"),
                isGenerated: true));

        var editorConfigs = LooseFiles.EditorConfigs(directory).Select(path => Document(projectId, path));

        var project = ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                name,
                name,
                LanguageNames.CSharp,
                filePath: Path.Combine(directory, name + ".csproj"),
                compilationOptions: new CSharpCompilationOptions(
                    files.Any(HasTopLevelStatements) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    allowUnsafe: true),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                documents: documents,
                metadataReferences: references)
            .WithAnalyzerConfigDocuments(editorConfigs);

        workspace.AddProject(project);
        return workspace;
    }

    private static System.Collections.Generic.IEnumerable<string> References(string dotnetRoot, int sdkMajor)
    {
        var packs = ReferencePacks.Find(dotnetRoot, sdkMajor)
            ?? throw new CliException($"no .NET reference pack ({ReferencePacks.NetCorePack}) under '{Path.Combine(dotnetRoot, "packs")}': loose C# files are compiled against it; install the .NET SDK");
        if (packs.AspNetCoreAssemblies is null)
        {
            Warnings.Report($"no ASP.NET Core reference pack ({ReferencePacks.AspNetCorePack}) under '{Path.Combine(dotnetRoot, "packs")}': ASP.NET Core APIs will not resolve");
        }

        return packs.Assemblies;
    }

    /// <summary>A file with top-level statements is a program's entry point: the SDK would build it as an executable.</summary>
    private static bool HasTopLevelStatements(string path) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(path), new CSharpParseOptions(LanguageVersion.Latest))
            .GetCompilationUnitRoot().Members.Any(member => member is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax);

    private static DocumentInfo Document(ProjectId projectId, string path) =>
        DocumentInfo.Create(
            DocumentId.CreateNewId(projectId, path),
            Path.GetFileName(path),
            loader: new FileTextLoader(path, defaultEncoding: null),
            filePath: path);
}
