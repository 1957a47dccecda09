using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using WsAnalyzers.RealWorld.Projects;
using WsAnalyzers.Tooling;

namespace WsAnalyzers.RealWorld.Building;

/// <summary>Compiles a project as the SDK would, without MSBuild: its source set, the SDK's implicit usings, its target
/// framework's symbols and C# version, the reference packs of its framework (<see cref="FrameworkPacks"/>; the installed
/// ones when only those are given), served package assemblies, stand-in sources for unserved packages, and its project
/// references as separate compilations. Each project is compiled once.</summary>
public sealed class ProjectCompiler(FrameworkPacks frameworks)
{
    public ProjectCompiler(ReferencePacks packs)
        : this(new FrameworkPacks(packs))
    {
    }

    /// <summary>Stand-in trees get this path prefix, so that reports can tell them from the repository's own files.</summary>
    public const string StandInPrefix = "standin://";

    private static readonly HashSet<string> FrameworkAssemblyPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "System", "mscorlib", "Microsoft.CSharp", "Microsoft.VisualBasic", "WindowsBase", "PresentationCore", "PresentationFramework", "netstandard",
    };

    private readonly Dictionary<string, BuiltProject> _built = new(StringComparer.Ordinal);
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MetadataReference> _metadata = new(StringComparer.Ordinal);
    private readonly Dictionary<Compilation, int> _packMajors = [];

    public BuiltProject Build(ProjectTarget target)
    {
        if (_built.TryGetValue(target.Key, out var done))
        {
            return done;
        }

        var built = target.Project is { } project ? BuildProject(project) : BuildFolder(target.Folder);
        _built[target.Key] = built;
        return built;
    }

    private BuiltProject BuildProject(ProjectFile project)
    {
        if (!_building.Add(project.FilePath))
        {
            throw new ProjectFileException($"{project.FilePath}: project references form a cycle");
        }

        try
        {
            var framework = TargetFramework.Parse(project.TargetFramework);
            var unresolved = new List<string>();
            var standIns = new List<StandIn>();
            var references = new List<MetadataReference>();
            var useAspNetCore = project.IsWebSdk
                || project.ItemsOf("FrameworkReference").Any(r => r.Include is { } i && i.StartsWith("Microsoft.AspNetCore.App", StringComparison.OrdinalIgnoreCase));

            var packages = project.ItemsOf("PackageReference").Where(p => p.Include is not null).Select(p => p.Include!).ToList();
            packages.AddRange(PackagesConfig(project.Folder));
            var served = new List<string>();
            foreach (var id in packages.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (id.StartsWith("Microsoft.AspNetCore", StringComparison.OrdinalIgnoreCase) && !id.StartsWith("Microsoft.AspNetCore.SignalR.Client", StringComparison.OrdinalIgnoreCase)
                    || id.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase))
                {
                    // ASP.NET Core 2.x packages and Microsoft.Extensions.* are in the ASP.NET Core reference pack.
                    useAspNetCore = true;
                }
                else if (ServedPackages.AssembliesFor(id) is { } assemblies)
                {
                    served.AddRange(assemblies);
                }
                else if (StandInCatalog.ForPackage(id).ToList() is { Count: > 0 } found)
                {
                    standIns.AddRange(found);
                }
                else if (!IsAnalyzerOrBuildPackage(id))
                {
                    unresolved.Add("package " + id);
                }
            }

            foreach (var reference in project.ItemsOf("Reference").Where(r => r.Include is not null).Select(r => r.Include!.Split(',')[0].Trim()))
            {
                if (StandInCatalog.ForReference(reference).ToList() is { Count: > 0 } found)
                {
                    standIns.AddRange(found);
                }
                else if (ServedPackages.AssembliesForReference(reference) is { } assemblies)
                {
                    served.AddRange(assemblies);
                }
                else if (!FrameworkAssemblyPrefixes.Any(p => reference.Equals(p, StringComparison.OrdinalIgnoreCase) || reference.StartsWith(p + ".", StringComparison.OrdinalIgnoreCase)))
                {
                    unresolved.Add("reference " + reference);
                }
            }

            // The served package assemblies are built for .NET 8, and a referenced project may be compiled against newer
            // packs than this one's framework asks for: older packs would not bind them (CS1705).
            var minimumMajor = served.Count > 0 ? ServedPackages.FrameworkMajor : 0;
            foreach (var projectReference in project.ItemsOf("ProjectReference").Where(r => r.Include is not null))
            {
                var path = Path.GetFullPath(Path.Combine(project.Folder, projectReference.Include!.Replace('\\', '/')));
                if (!File.Exists(path) || !path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
                {
                    unresolved.Add("project " + projectReference.Include);
                    continue;
                }

                var referenced = Build(ProjectTarget.ForProject(ProjectFile.Load(path)));
                references.Add(referenced.Compilation.ToMetadataReference());
                references.AddRange(referenced.Compilation.References.Where(r => r is CompilationReference));
                minimumMajor = Math.Max(minimumMajor, _packMajors.TryGetValue(referenced.Compilation, out var major) ? major : 0);
            }

            var packs = frameworks.For(framework, minimumMajor);
            references.AddRange(FrameworkReferences(packs, useAspNetCore));
            references.AddRange(PackageReferences(packs, served, useAspNetCore));

            var languageVersion = LanguageVersionOf(project.Property("LangVersion"), framework);
            var symbols = framework.PreprocessorSymbols()
                .Concat((project.Property("DefineConstants") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Where(s => !s.Contains("$(", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var parseOptions = new CSharpParseOptions(languageVersion, preprocessorSymbols: symbols);
            var trees = Parse(SourceSet.Of(project), parseOptions).ToList();
            if (ImplicitUsings.For(project) is { } globalUsings)
            {
                trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(globalUsings), parseOptions, Path.Combine(project.Folder, "obj", project.Name + ".GlobalUsings.g.cs")));
            }

            var distinctStandIns = standIns.DistinctBy(s => s.Name).ToList();
            trees.AddRange(distinctStandIns.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Source), parseOptions, StandInPrefix + s.Name)));

            var outputKind = OutputKindOf(project);
            var options = new CSharpCompilationOptions(
                outputKind,
                nullableContextOptions: project.IsTrue("Nullable") ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                allowUnsafe: project.IsTrue("AllowUnsafeBlocks"),
                concurrentBuild: false);
            var compilation = CSharpCompilation.Create(project.Property("AssemblyName") ?? project.Name, trees, references.Distinct(), options);
            _packMajors[compilation] = packs.Version.Major;
            return new BuiltProject(project.Name, compilation, unresolved, distinctStandIns.Select(s => s.Name).ToList());
        }
        finally
        {
            _building.Remove(project.FilePath);
        }
    }

    private BuiltProject BuildFolder(string folder)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: ["TRACE", "DEBUG"]);
        var trees = Parse(SourceSet.CSharpFilesUnder(folder, skipNestedProjects: false), parseOptions).ToList();
        var text = string.Concat(trees.Select(t => t.GetText().ToString()));
        var standIns = StandInCatalog.All.Where(s => text.Contains("using " + s.Namespace, StringComparison.Ordinal) || text.Contains(s.Namespace + ".", StringComparison.Ordinal)).ToList();
        trees.AddRange(standIns.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Source), parseOptions, StandInPrefix + s.Name)));
        var served = new[] { "Websocket.Client", "Microsoft.AspNetCore.SignalR.Client", "Newtonsoft.Json" }.SelectMany(p => ServedPackages.AssembliesFor(p) ?? []).ToList();
        var references = FrameworkReferences(frameworks.Installed, useAspNetCore: true).Concat(PackageReferences(frameworks.Installed, served, useAspNetCore: true));
        var hasTopLevelStatements = trees.Any(t => t.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any());
        var options = new CSharpCompilationOptions(hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false);
        var name = Path.GetFileName(folder);
        return new BuiltProject(name + " (folder)", CSharpCompilation.Create(name, trees, references.Distinct(), options), [], standIns.Select(s => s.Name).ToList());
    }

    private IEnumerable<MetadataReference> FrameworkReferences(ReferencePacks packs, bool useAspNetCore) =>
        (useAspNetCore ? packs.Assemblies : packs.NetCoreAssemblies).Select(Metadata);

    /// <summary>Served assemblies, without those the ASP.NET Core pack already carries (two versions of one assembly would clash).</summary>
    private IEnumerable<MetadataReference> PackageReferences(ReferencePacks packs, IEnumerable<string> files, bool useAspNetCore)
    {
        var inPack = useAspNetCore && packs.AspNetCoreAssemblies is { } asp
            ? asp.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : new HashSet<string?>(StringComparer.OrdinalIgnoreCase);
        var netCore = packs.NetCoreAssemblies.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return files.Distinct(StringComparer.Ordinal)
            .Where(f => !inPack.Contains(Path.GetFileNameWithoutExtension(f)) && !netCore.Contains(Path.GetFileNameWithoutExtension(f)))
            .Select(Metadata);
    }

    private MetadataReference Metadata(string path)
    {
        if (!_metadata.TryGetValue(path, out var reference))
        {
            reference = MetadataReference.CreateFromFile(path);
            _metadata[path] = reference;
        }

        return reference;
    }

    private static IEnumerable<SyntaxTree> Parse(IEnumerable<string> files, CSharpParseOptions options) =>
        files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f), System.Text.Encoding.UTF8), options, f));

    private static OutputKind OutputKindOf(ProjectFile project)
    {
        var declared = project.Property("OutputType");
        if (declared is null && (project.IsWebSdk || project.IsWorkerSdk))
        {
            declared = "Exe";
        }

        return declared?.ToLowerInvariant() switch
        {
            "exe" => OutputKind.ConsoleApplication,
            "winexe" => OutputKind.WindowsApplication,
            _ => OutputKind.DynamicallyLinkedLibrary,
        };
    }

    private static LanguageVersion LanguageVersionOf(string? declared, TargetFramework framework)
    {
        if (declared is null || declared.Length == 0)
        {
            return framework.DefaultLanguageVersion;
        }

        return LanguageVersionFacts.TryParse(declared, out var version) ? version : framework.DefaultLanguageVersion;
    }

    private static bool IsAnalyzerOrBuildPackage(string id) =>
        id.Contains("Analyzers", StringComparison.OrdinalIgnoreCase) || id.Contains("SourceLink", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase) || id.StartsWith("coverlet", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("xunit.runner", StringComparison.OrdinalIgnoreCase) || id.StartsWith("Microsoft.VisualStudio.Azure.Containers", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("Microsoft.EntityFrameworkCore.Tools", StringComparison.OrdinalIgnoreCase) || id.StartsWith("Microsoft.EntityFrameworkCore.Design", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> PackagesConfig(string folder)
    {
        var path = Path.Combine(folder, "packages.config");
        if (!File.Exists(path))
        {
            return [];
        }

        try
        {
            return XDocument.Load(path).Root?.Elements("package").Select(p => (string?)p.Attribute("id")).OfType<string>().ToList() ?? [];
        }
        catch (System.Xml.XmlException)
        {
            return [];
        }
    }
}
